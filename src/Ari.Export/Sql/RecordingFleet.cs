namespace Ari.Export.Sql;

/// <summary>
/// The recordings a command is given: paths and patterns (<c>*</c> and <c>?</c> in any part of a path,
/// as a shell would expand them, for patterns quoted away from the shell), each recording named by its
/// file name without extension, made unique with <c>-2</c>, <c>-3</c>, … in the order given. Several
/// recordings, or a pattern even when it matches one file, make a fleet: one dataset whose tables say
/// which recording each row comes from.
/// </summary>
public sealed class RecordingFleet
{
    private RecordingFleet(IReadOnlyList<NamedRecording> recordings, bool isFleet)
    {
        Recordings = recordings;
        IsFleet = isFleet;
    }

    public IReadOnlyList<NamedRecording> Recordings { get; }

    /// <summary>More than one recording, or a pattern: the tables carry the recording's columns.</summary>
    public bool IsFleet { get; }

    /// <summary>Expands the patterns among <paramref name="arguments"/>; a file given twice counts once.</summary>
    /// <exception cref="FileNotFoundException">A pattern matches no file.</exception>
    public static RecordingFleet Expand(IReadOnlyList<string> arguments)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var matches = IsPattern(argument) ? Matches(argument) : [argument];
            if (matches.Count == 0)
            {
                throw new FileNotFoundException($"{argument} matches no file", argument);
            }
            paths.AddRange(matches.Where(path => seen.Add(Path.GetFullPath(path))));
        }
        return new RecordingFleet(Named(paths), arguments.Count > 1 || arguments.Any(IsPattern));
    }

    private static bool IsPattern(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The files a pattern matches, in ordinal order of their paths.</summary>
    private static List<string> Matches(string pattern)
    {
        var rooted = Path.IsPathRooted(pattern);
        var parts = pattern.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        Walk(rooted ? Path.GetPathRoot(pattern)! : "", 0);
        found.Sort(StringComparer.Ordinal);
        return found;

        void Walk(string prefix, int part)
        {
            var last = part == parts.Length - 1;
            if (!IsPattern(parts[part]))
            {
                var next = Path.Combine(prefix, parts[part]);
                if (!last)
                {
                    Walk(next, part + 1);
                }
                else if (File.Exists(next))
                {
                    found.Add(next);
                }
                return;
            }
            var directory = prefix.Length == 0 ? "." : prefix;
            if (!Directory.Exists(directory))
            {
                return;
            }
            var entries = last ? Directory.EnumerateFiles(directory, parts[part]) : Directory.EnumerateDirectories(directory, parts[part]);
            foreach (var entry in entries)
            {
                var next = Path.Combine(prefix, Path.GetFileName(entry));
                if (last)
                {
                    found.Add(next);
                }
                else
                {
                    Walk(next, part + 1);
                }
            }
        }
    }

    private static List<NamedRecording> Named(List<string> paths)
    {
        // Folder names of a hive-partitioned export may meet a case-insensitive file system.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var named = new List<NamedRecording>();
        foreach (var path in paths)
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            var name = stem;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }
            named.Add(new NamedRecording(name, path));
        }
        return named;
    }
}
