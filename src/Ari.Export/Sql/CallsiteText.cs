using System.Text;
using Ari.Wire;

namespace Ari.Export.Sql;

/// <summary>A callsite's texts as the tables hold them, encoded to UTF-8 once for all its rows.</summary>
internal sealed class CallsiteText(Callsite callsite, string kind)
{
    public byte[] Name { get; } = Encoding.UTF8.GetBytes(callsite.Name);

    public byte[] Target { get; } = Encoding.UTF8.GetBytes(callsite.Target);

    public byte[] Level { get; } = Encoding.UTF8.GetBytes(callsite.Level.Name());

    public byte[] Kind { get; } = Encoding.UTF8.GetBytes(kind);
}
