namespace Ari.Wire.Tests;

/// <summary>
/// A reader hands on values still encoded and decodes them when they are read: what is read must be
/// exactly what was written, on any thread, however often, and writing such values again must give the
/// bytes they came from.
/// </summary>
public class EncodedValuesTests
{
    private static readonly Callsite Wide = new(
        0, 0, CallsiteKind.Event, Level.Info, "wide", "t", "m", "f.rs", 1, [.. Enumerable.Range(0, 130).Select(i => $"f{i}")]);

    /// <summary>Every value type, and 130 fields, so that the count in front of the values takes two bytes.</summary>
    private static readonly FieldValues Written = FieldValues.Create(
    [
        new Field(0, FieldValue.FromI64(-5)),
        new Field(1, FieldValue.FromU64(ulong.MaxValue)),
        new Field(2, FieldValue.FromI128(Int128.MinValue)),
        new Field(3, FieldValue.FromU128(UInt128.MaxValue)),
        new Field(4, FieldValue.FromF64(double.NaN)),
        new Field(5, FieldValue.FromBool(true)),
        new Field(6, FieldValue.FromStr("")),
        new Field(7, FieldValue.FromDebug("Some(\"ü\")")),
        new Field(8, FieldValue.FromError("boom")),
        .. Enumerable.Range(9, 121).Select(i => new Field(i, FieldValue.FromU64((ulong)i))),
    ]);

    [Fact]
    public void Values_stay_encoded_until_read_and_read_back_as_written()
    {
        var values = ReadBack(Written);

        Assert.True(values.IsEncoded);
        Assert.Equal(130, values.Count);
        Assert.Equal(Written, values);
        Assert.Equal(Written.AsSpan().ToArray(), values.AsSpan().ToArray());
        Assert.Equal(Written[129], values[129]);
    }

    [Fact]
    public async Task Values_read_on_another_thread_are_the_same()
    {
        var values = ReadBack(Written);

        var elsewhere = await Task.Run(() => values.AsSpan().ToArray());

        Assert.Equal(Written.AsSpan().ToArray(), elsewhere);
    }

    [Fact]
    public void The_same_records_values_are_the_same_and_another_records_equal_values_are_not()
    {
        var first = ReadBack(Written);
        var second = ReadBack(Written);

        Assert.True(first.IsSameAs(first));
        Assert.False(first.IsSameAs(second));
        Assert.Equal(first, second);
        Assert.True(FieldValues.Empty.IsSameAs(default));
    }

    [Fact]
    public void Values_read_from_a_recording_are_written_again_as_the_bytes_they_came_from()
    {
        var original = Recording(Written);
        var values = ReadBack(Written);
        Assert.True(values.IsEncoded);

        Assert.Equal(original, Recording(values));
    }

    [Fact]
    public void Values_read_in_place_are_copied_into_values_of_their_own_that_read_the_same()
    {
        // Two events' values lie in one store of the reader's; a span keeps its own copy (Own).
        using var source = new RecordSource(new MemoryStream(Recording(Written, events: 2)));
        List<FieldValues> read = [.. source.ReadItems().Where(item => item.Kind == RecordKind.Event).Select(item => item.Values)];

        FieldValues owned = read[1].Own();

        Assert.False(read[0].IsSameAs(read[1]));
        Assert.False(owned.IsSameAs(read[1]));
        Assert.True(owned.IsEncoded);
        Assert.Equal(Written, owned);
        Assert.Equal(Written, read[0]);
        Assert.True(owned.Own().IsSameAs(owned));
    }

    private static byte[] Recording(FieldValues values, int events = 1) =>
        new RecordingBuilder()
            .Add(Wide)
            .Batch([.. Enumerable.Range(0, events).Select(i => new Event(0, (ulong)i, 10, 0, 0, SpanParent.Root, values))])
            .ToArray();

    private static FieldValues ReadBack(FieldValues values)
    {
        using var source = new RecordSource(new MemoryStream(Recording(values)));
        return source.ReadItems().Single(item => item.Kind == RecordKind.Event).Values;
    }
}
