namespace Ari.Tokio;

/// <summary>How often one operation (<c>poll_op</c>'s <c>op_name</c>) was polled ready and pending.</summary>
public sealed class Readiness(string operation)
{
    public string Operation { get; } = operation;

    public long Ready { get; private set; }

    public long Pending { get; private set; }

    internal void Count(bool ready)
    {
        if (ready)
        {
            Ready++;
        }
        else
        {
            Pending++;
        }
    }
}
