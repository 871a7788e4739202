using System.Buffers;
using Ari.Views.Styling;

namespace Ari.Views.Writers;

/// <summary>The text alone: what ari-subscriber 0.0.1 printed, without colour.</summary>
internal sealed class PlainWriter : ISegmentWriter
{
    public bool ReadsStyles => false;

    public void Write(StyledText text, IBufferWriter<byte> output) => output.Write(text.Bytes);
}
