namespace Ari.Export.Perfetto;

/// <summary>A slice's arguments as a timeline format keeps them (JSON <c>args</c>, protobuf debug annotations).</summary>
public interface ISliceArgs
{
    void Add(string name, string value);

    void Add(string name, long value);

    void Add(string name, ulong value);

    void Add(string name, bool value);
}
