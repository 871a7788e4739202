using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Tells the runtime's threads from the others, for a wake made where no task is being polled. Evidence,
/// strongest first: a Tokio worker's own span entered on the thread; Tokio's default name for its
/// threads; a <c>block_on</c> task span made there and still alive (where one was ever seen, it alone
/// decides: after <c>block_on</c> returns, the thread is the program's again); and, where none was seen,
/// a thread that polled a task before (a worker, or a current-thread runtime inside <c>block_on</c>) or
/// the thread named <c>main</c> (<c>#[tokio::main]</c> builds the runtime and enters <c>block_on</c>
/// before the program can install a subscriber, so that span is never seen).
/// Limits are in docs/analysis.md.
/// </summary>
internal sealed class RuntimeThreads
{
    private const string TokioThreadName = "tokio-runtime-worker";
    private const string MainThreadName = "main";

    private readonly Dictionary<ThreadTrack, ThreadFacts> _threads = new(ReferenceEqualityComparer.Instance);

    public void TaskCreated(TaskSpan task)
    {
        if (IsBlockOn(task))
        {
            var facts = Facts(task.CreatedOn);
            facts.BlockOnAlive++;
            facts.SawBlockOn = true;
        }
    }

    /// <summary>Polling <c>block_on</c>'s own future is no evidence: any thread can call <c>block_on</c>.</summary>
    public void PollStarted(TaskSpan task, ThreadTrack thread)
    {
        if (!IsBlockOn(task))
        {
            Facts(thread).PolledTasks = true;
        }
    }

    public void TaskClosed(TaskSpan task)
    {
        if (IsBlockOn(task))
        {
            Facts(task.CreatedOn).BlockOnAlive--;
        }
    }

    /// <summary>Whether a thread with no task polled on it right now is one of the runtime's.</summary>
    public bool IsRuntime(ThreadTrack thread, bool insideWorkerSpan)
    {
        if (insideWorkerSpan || thread.Name == TokioThreadName)
        {
            return true;
        }
        if (!_threads.TryGetValue(thread, out var facts))
        {
            return thread.Name == MainThreadName;
        }
        // A block_on span seen on the thread says exactly when it is inside; without one (made before the
        // subscriber), having polled tasks or being main is the evidence.
        return facts.SawBlockOn ? facts.BlockOnAlive > 0 : facts.PolledTasks || thread.Name == MainThreadName;
    }

    private static bool IsBlockOn(TaskSpan task) => task.Kind == "block_on";

    private ThreadFacts Facts(ThreadTrack thread)
    {
        if (!_threads.TryGetValue(thread, out var facts))
        {
            facts = new ThreadFacts();
            _threads[thread] = facts;
        }
        return facts;
    }

    private sealed class ThreadFacts
    {
        public bool PolledTasks;
        public int BlockOnAlive;
        public bool SawBlockOn;
    }
}
