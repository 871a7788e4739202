namespace Ari.Tokio.Tests;

/// <summary>Which spawn locations are Tokio's own, whatever text a recording carries.</summary>
public sealed class TaskLocationTests
{
    [Theory]
    [InlineData("/usr/share/cargo/registry/tokio-1.24.2/src/runtime/blocking/pool.rs:151:20", true)]
    [InlineData("/home/me/tokio/src/runtime/scheduler/multi_thread/worker.rs:12:5", true)]
    [InlineData(@"C:\cargo\registry\tokio-1.24.2\src\task\spawn.rs:1:1", true)]
    [InlineData("tokio/src/runtime/blocking/pool.rs:1:1", true)]
    [InlineData("bench/workload/src/main.rs:56:30", false)]
    [InlineData("/registry/tokio-util-0.7.4/src/task.rs:1:1", false)]
    [InlineData("/src/main.rs:1:1", false)]
    [InlineData("/src/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_Tokios_own_sources_are_inside_Tokio(string? location, bool inside) =>
        Assert.Equal(inside, TaskLocation.IsInsideTokio(location));
}
