namespace Ari.Wire;

/// <summary>
/// What tracing's <c>Visit</c> was called with. The wire's two bool codes (5 false, 6 true) are one type here.
/// </summary>
public enum FieldValueType : byte
{
    I64,
    U64,
    I128,
    U128,
    F64,
    Bool,

    /// <summary><c>record_str</c>: a string, shown quoted.</summary>
    Str,

    /// <summary><c>record_debug</c>: text already formatted by the tap (<c>?x</c>, <c>%x</c>, messages), shown as is.</summary>
    Debug,

    /// <summary><c>record_error</c>: the error's <c>Display</c> text.</summary>
    Error,
}
