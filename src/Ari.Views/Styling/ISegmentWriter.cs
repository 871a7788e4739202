using System.Buffers;

namespace Ari.Views.Styling;

/// <summary>Turns styled text into bytes of one format (plain, ANSI, HTML); the styles' meaning lives in <see cref="Palette"/>.</summary>
internal interface ISegmentWriter
{
    /// <summary>False for a writer that needs the text alone: the layout then skips keeping segments.</summary>
    bool ReadsStyles => true;

    /// <summary>What comes before the first entry (an HTML page's head).</summary>
    void WriteStart(IBufferWriter<byte> output)
    {
    }

    void Write(StyledText text, IBufferWriter<byte> output);

    /// <summary>What comes after the last entry.</summary>
    void WriteEnd(IBufferWriter<byte> output)
    {
    }
}
