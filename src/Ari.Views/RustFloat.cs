namespace Ari.Views;

/// <summary>Floating-point values written as Rust's <c>Debug</c> writes them.</summary>
public static class RustFloat
{
    public static string NonFinite(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
}
