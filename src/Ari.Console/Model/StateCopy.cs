using System.Collections.Concurrent;
using System.Reflection;

namespace Ari.Console.Model;

/// <summary>
/// A deep copy of a replay's state (the replay, the tracker, the linter, a snapshot's builder): every
/// object reached is copied once, so what two objects shared they share in the copy, and the delegates
/// the tracker raises its events through call the copies. Generic rather than a copy method a class:
/// a field a class gains is copied without anyone remembering to, and Ari.Tokio's rules stay free of
/// copying. What never changes once made is shared, not copied (<see cref="CopyPlan"/>).
/// </summary>
internal sealed class StateCopy
{
    private static readonly Func<object, object> ShallowClone =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private static readonly ConcurrentDictionary<Type, Action<Array, StateCopy>> StructArrayFixes = new();
    private static readonly ConcurrentDictionary<Type, Func<object, StateCopy, object>> DictionaryCopies = new();

    private readonly Dictionary<object, object> _copies = new(ReferenceEqualityComparer.Instance);

    private StateCopy()
    {
    }

    /// <summary>A copy of <paramref name="state"/> and of everything it reaches.</summary>
    public static T Of<T>(T state)
        where T : class => (T)new StateCopy().CopyObject(state)!;

    /// <summary>The copy of one object (public for the compiled field fixes).</summary>
    public object? CopyObject(object? original)
    {
        if (original is null)
        {
            return null;
        }
        var plan = CopyPlan.For(original.GetType());
        if (plan.WayOf == CopyPlan.Way.Shared)
        {
            return original;
        }
        if (_copies.TryGetValue(original, out var copied))
        {
            return copied;
        }
        return plan.WayOf switch
        {
            CopyPlan.Way.Delegate => CopyDelegate((Delegate)original),
            CopyPlan.Way.Array => CopyArray((Array)original),
            CopyPlan.Way.Dictionary => DictionaryCopies.GetOrAdd(plan.Type, MakeDictionaryCopy)(original, this),
            _ => CopyFields(original, plan),
        };
    }

    private object CopyFields(object original, CopyPlan plan)
    {
        var copy = ShallowClone(original);
        _copies[original] = copy;
        plan.FixBoxed?.Invoke(copy, this);
        return copy;
    }

    private Delegate CopyDelegate(Delegate original)
    {
        var handlers = original.GetInvocationList();
        Delegate copy;
        if (handlers.Length > 1)
        {
            copy = Delegate.Combine(handlers.Select(handler => (Delegate)CopyObject(handler)!).ToArray())!;
        }
        else
        {
            copy = original.Target is { } target
                ? Delegate.CreateDelegate(original.GetType(), CopyObject(target), original.Method)
                : original;
        }
        _copies[original] = copy;
        return copy;
    }

    private Array CopyArray(Array original)
    {
        var copy = (Array)original.Clone();
        _copies[original] = copy;
        var element = original.GetType().GetElementType()!;
        if (!element.IsValueType)
        {
            if (CopyPlan.For(element).WayOf != CopyPlan.Way.Shared)
            {
                var items = (object?[])copy;
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = CopyObject(items[i]);
                }
            }
        }
        else
        {
            StructArrayFixes.GetOrAdd(element, MakeStructArrayFix)(copy, this);
        }
        return copy;
    }

    private static Action<Array, StateCopy> MakeStructArrayFix(Type element) =>
        typeof(StateCopy).GetMethod(nameof(FixStructs), BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(element).CreateDelegate<Action<Array, StateCopy>>();

    private static void FixStructs<T>(Array array, StateCopy copy)
    {
        if (CopyPlan.FixOf<T>() is not { } fix)
        {
            return;
        }
        var items = (T[])array;
        for (var i = 0; i < items.Length; i++)
        {
            fix(ref items[i], copy);
        }
    }

    private static Func<object, StateCopy, object> MakeDictionaryCopy(Type type) =>
        typeof(StateCopy).GetMethod(nameof(RebuildDictionary), BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(type.GetGenericArguments()).CreateDelegate<Func<object, StateCopy, object>>();

    /// <summary>
    /// A dictionary whose keys hash by identity (or hold objects that do) filled anew with the copies, in
    /// the order it lists its entries: copied as it lies, it would look each copied key up in the bucket
    /// of its original.
    /// </summary>
    private static object RebuildDictionary<TKey, TValue>(object original, StateCopy copy)
        where TKey : notnull
    {
        var source = (Dictionary<TKey, TValue>)original;
        var rebuilt = new Dictionary<TKey, TValue>(source.Count, source.Comparer);
        copy._copies[original] = rebuilt;
        foreach (var (key, value) in source)
        {
            rebuilt.Add(copy.CopyValue(key), copy.CopyValue(value));
        }
        return rebuilt;
    }

    private T CopyValue<T>(T value)
    {
        if (!typeof(T).IsValueType)
        {
            return (T)CopyObject(value)!;
        }
        CopyPlan.FixOf<T>()?.Invoke(ref value, this);
        return value;
    }
}
