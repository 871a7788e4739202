namespace Ari.Wire.Tests;

/// <summary>
/// A value keeps its type and every bit: numbers share one word, and a 128-bit value's high word and a
/// string share one reference, so values that differ only there must still differ.
/// </summary>
public class FieldValueTests
{
    [Fact]
    public void Values_that_differ_only_in_the_high_word_or_the_type_are_not_equal()
    {
        var low = new UInt128(0, 7);
        var high = new UInt128(1, 7);

        Assert.NotEqual(FieldValue.FromU128(low), FieldValue.FromU128(high));
        Assert.NotEqual(FieldValue.FromI128((Int128)7), FieldValue.FromU128(low));
        Assert.NotEqual(FieldValue.FromU64(7), FieldValue.FromU128(low));
        Assert.NotEqual(FieldValue.FromI64(-1), FieldValue.FromU64(ulong.MaxValue));
        Assert.NotEqual(FieldValue.FromStr("x"), FieldValue.FromDebug("x"));
        Assert.NotEqual(FieldValue.FromStr(""), FieldValue.FromU64(0));
    }

    [Fact]
    public void Equal_values_are_equal_and_hash_alike()
    {
        var pairs = new (FieldValue, FieldValue)[]
        {
            (FieldValue.FromU128(UInt128.MaxValue), FieldValue.FromU128(UInt128.MaxValue)),
            (FieldValue.FromI128(Int128.MinValue), FieldValue.FromI128(Int128.MinValue)),
            (FieldValue.FromStr(new string('a', 3)), FieldValue.FromStr("aaa")),
            (FieldValue.FromF64(double.NaN), FieldValue.FromF64(double.NaN)),
        };
        foreach (var (a, b) in pairs)
        {
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    [Fact]
    public void Each_value_reads_back_as_its_own_type_and_only_that()
    {
        var wide = new Int128(0x8000_0000_0000_0001, 0x0000_0000_0000_0002);

        Assert.Equal(wide, FieldValue.FromI128(wide).I128);
        Assert.Equal(UInt128.MaxValue, FieldValue.FromU128(UInt128.MaxValue).U128);
        Assert.Equal("Some(1)", FieldValue.FromDebug("Some(1)").Text);
        Assert.Equal(0L, default(FieldValue).I64);
        Assert.Throws<InvalidOperationException>(() => FieldValue.FromI128(wide).Text);
        Assert.Throws<InvalidOperationException>(() => FieldValue.FromStr("x").U64);
    }

    [Fact]
    public void A_field_keeps_its_value_whole_in_24_bytes()
    {
        FieldValue[] values = [FieldValue.FromU128(UInt128.MaxValue), FieldValue.FromI64(-3), FieldValue.FromError("e"), FieldValue.FromBool(true)];
        foreach (FieldValue value in values)
        {
            var field = new Field(5, value);
            Assert.Equal(5, field.Index);
            Assert.Equal(value, field.Value);
            Assert.Equal(field, new Field(5, value));
            Assert.NotEqual(field, new Field(6, value));
        }

        Assert.Equal(24, System.Runtime.CompilerServices.Unsafe.SizeOf<Field>());
    }
}
