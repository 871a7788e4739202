namespace Ari.Tokio;

/// <summary>A <see cref="WakerOp"/> as Tokio's waker events spell it in their <c>op</c> field, both ways.</summary>
public static class WakerOpNames
{
    private const string Clone = "waker.clone";
    private const string Wake = "waker.wake";
    private const string WakeByRef = "waker.wake_by_ref";
    private const string Drop = "waker.drop";

    public static string Name(this WakerOp op) => op switch
    {
        WakerOp.Clone => Clone,
        WakerOp.Wake => Wake,
        WakerOp.WakeByRef => WakeByRef,
        _ => Drop,
    };

    /// <summary>Null for an <c>op</c> that is none of the four.</summary>
    public static WakerOp? Parse(string? op) => op switch
    {
        Clone => WakerOp.Clone,
        Wake => WakerOp.Wake,
        WakeByRef => WakerOp.WakeByRef,
        Drop => WakerOp.Drop,
        _ => null,
    };
}
