using System.Text.Json;

namespace Ari.Views;

/// <summary>
/// The property names of a JSON line, escaped once: given as UTF-8 spans, the writer checks every name
/// for characters to escape on every line (a tenth of the JSON view's time).
/// </summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Ts = JsonEncodedText.Encode("ts"u8);
    public static readonly JsonEncodedText Thread = JsonEncodedText.Encode("thread"u8);
    public static readonly JsonEncodedText Tid = JsonEncodedText.Encode("tid"u8);
    public static readonly JsonEncodedText Op = JsonEncodedText.Encode("op"u8);
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id"u8);
    public static readonly JsonEncodedText Parent = JsonEncodedText.Encode("parent"u8);
    public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope"u8);
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name"u8);
    public static readonly JsonEncodedText Target = JsonEncodedText.Encode("target"u8);
    public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level"u8);
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind"u8);
    public static readonly JsonEncodedText Follows = JsonEncodedText.Encode("follows"u8);
    public static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields"u8);
    public static readonly JsonEncodedText Wake = JsonEncodedText.Encode("wake"u8);
    public static readonly JsonEncodedText Class = JsonEncodedText.Encode("class"u8);
    public static readonly JsonEncodedText Task = JsonEncodedText.Encode("task"u8);
    public static readonly JsonEncodedText By = JsonEncodedText.Encode("by"u8);
    public static readonly JsonEncodedText Deferred = JsonEncodedText.Encode("deferred"u8);
}
