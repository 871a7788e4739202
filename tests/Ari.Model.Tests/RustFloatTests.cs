using System.Text;
using Ari.Model;

namespace Ari.Model.Tests;

/// <summary>f64 values as Rust's <c>{:?}</c> prints them.</summary>
public sealed class RustFloatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.25, "0.25")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-5")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(1e16, "1e16")]
    [InlineData(1.2345e20, "1.2345e20")]
    [InlineData(double.MaxValue, "1.7976931348623157e308")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Formats_as_rust_debug(double value, string expected)
    {
        var bytes = new byte[RustFloat.MaxLength];
        var written = RustFloat.FormatDebug(value, bytes);
        Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 0, written));
    }
}
