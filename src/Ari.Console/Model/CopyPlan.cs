using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// How <see cref="StateCopy"/> copies objects of one type, worked out once a type: shared as it is (what
/// never changes once made), a delegate re-targeted, an array, a dictionary rebuilt (its keys hash by
/// identity, and a copied key is a new identity), or a shallow clone whose reference fields, in it and in
/// the structs it holds, are then replaced by their copies through one compiled method.
/// </summary>
internal sealed class CopyPlan
{
    public enum Way { Shared, Delegate, Array, Dictionary, Object }

    /// <summary>Fixes a struct in place: its reference fields become their copies.</summary>
    public delegate void StructFix<T>(ref T value, StateCopy copy);

    private static readonly ConcurrentDictionary<Type, CopyPlan> Plans = new();
    private static readonly MethodInfo CopyMethod = typeof(StateCopy).GetMethod(nameof(StateCopy.CopyObject))!;

    /// <summary>
    /// Made once and never changed, or meant to be shared by every copy: the wire's records and values,
    /// the rows of what ended (<see cref="EndedRows{T}"/>) and their shared parts, lint occurrences.
    /// </summary>
    private static readonly Type[] SharedTypes = [typeof(string), typeof(TaskRow), typeof(ResourceRow), typeof(RowParts), typeof(LintOccurrence), typeof(Type)];

    private CopyPlan(Type type)
    {
        Type = type;
        WayOf = type switch
        {
            _ when IsShared(type) => Way.Shared,
            _ when typeof(Delegate).IsAssignableFrom(type) => Way.Delegate,
            { IsArray: true } => Way.Array,
            { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && !HashesByValue(type.GetGenericArguments()[0])
                => Way.Dictionary,
            _ => Way.Object,
        };
        if (WayOf == Way.Object && ReferencePaths(type).Count > 0)
        {
            FixBoxed = (Action<object, StateCopy>)CompileFix(type, boxed: true);
        }
    }

    public Type Type { get; }

    public Way WayOf { get; }

    /// <summary>For a class (or a boxed struct): replaces the reference fields of a shallow clone by their copies; null when it has none.</summary>
    public Action<object, StateCopy>? FixBoxed { get; }

    public static CopyPlan For(Type type) => Plans.GetOrAdd(type, static type => new CopyPlan(type));

    /// <summary>The in-place fix of a struct type, or null when it holds no references to copy.</summary>
    public static StructFix<T>? FixOf<T>() => StructFixes<T>.Fix;

    private static class StructFixes<T>
    {
        public static readonly StructFix<T>? Fix = ReferencePaths(typeof(T)).Count > 0 ? (StructFix<T>)CompileFix(typeof(T), boxed: false, typeof(StructFix<T>)) : null;
    }

    private static bool IsShared(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer || SharedTypes.Any(shared => shared.IsAssignableFrom(type))
        || (type.Assembly == typeof(Callsite).Assembly && !type.IsGenericType)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EndedRows<>))
        || typeof(MemberInfo).IsAssignableFrom(type)
        || type.GetInterfaces().Any(face => face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IEqualityComparer<>));

    /// <summary>Keys whose hash is their value: a dictionary of them is copied as it lies, order of its free slots and all.</summary>
    private static bool HashesByValue(Type key) => key.IsPrimitive || key.IsEnum || key == typeof(string);

    /// <summary>Every reference field of the type, through the structs it holds: each as the chain of fields that reaches it.</summary>
    private static List<FieldInfo[]> ReferencePaths(Type type)
    {
        var paths = new List<FieldInfo[]>();
        Collect(type, [], paths);
        return paths;
    }

    private static void Collect(Type type, FieldInfo[] above, List<FieldInfo[]> paths)
    {
        foreach (var field in InstanceFields(type))
        {
            var fieldType = field.FieldType;
            if (IsShared(fieldType))
            {
                continue;
            }
            FieldInfo[] path = [.. above, field];
            if (!fieldType.IsValueType)
            {
                paths.Add(path);
            }
            else
            {
                Collect(fieldType, path, paths);
            }
        }
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    /// <summary>
    /// Compiles, for each reference path, <c>target.a.b.c = (C)copy.CopyObject(target.a.b.c)</c>, where
    /// the target is the boxed object (its first argument unboxed or cast) or a struct by reference.
    /// Written in IL because a clone's readonly fields are set too.
    /// </summary>
    private static Delegate CompileFix(Type type, bool boxed, Type? delegateType = null)
    {
        Type[] parameters = boxed ? [typeof(object), typeof(StateCopy)] : [type.MakeByRefType(), typeof(StateCopy)];
        var method = new DynamicMethod($"CopyFix_{type.Name}", typeof(void), parameters, typeof(CopyPlan).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        foreach (var path in ReferencePaths(type))
        {
            LoadContainer(il, type, boxed, path);
            il.Emit(OpCodes.Ldarg_1);
            LoadContainer(il, type, boxed, path);
            il.Emit(OpCodes.Ldfld, path[^1]);
            il.Emit(OpCodes.Call, CopyMethod);
            il.Emit(OpCodes.Castclass, path[^1].FieldType);
            il.Emit(OpCodes.Stfld, path[^1]);
        }
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate(delegateType ?? typeof(Action<object, StateCopy>));
    }

    /// <summary>Pushes the object or the address of the struct that holds the path's last field.</summary>
    private static void LoadContainer(ILGenerator il, Type type, bool boxed, FieldInfo[] path)
    {
        il.Emit(OpCodes.Ldarg_0);
        if (boxed)
        {
            il.Emit(type.IsValueType ? OpCodes.Unbox : OpCodes.Castclass, type);
        }
        foreach (var field in path[..^1])
        {
            il.Emit(OpCodes.Ldflda, field);
        }
    }
}
