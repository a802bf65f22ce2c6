using Koostoo.Language;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Koostoo.Workflows.Expressions;

/// <summary>
/// What Jint's own limits leave open, closed (docs/security.md). Its memory limit is checked between statements, so one
/// call of a built-in can allocate far past it before anyone looks: <c>'x'.repeat(2**29)</c> makes a gigabyte in one
/// step. The built-ins that can make a result much larger than their inputs are checked before they run; the binary
/// buffers (ArrayBuffer, typed arrays), which bypass the array limit, are not there at all.
/// </summary>
internal static class JavaScriptSandbox
{
    /// <summary>Conditions and values are short; a string this long is a mistake or an attack.</summary>
    public const int MaxStringLength = 100_000;
    public const uint MaxArrayLength = 10_000;

    private static readonly string[] Removed =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
        "WebAssembly", "ShadowRealm", "eval", "Function",
    ];

    public static void Close(Engine engine)
    {
        foreach (var name in Removed) engine.Global.RemoveOwnProperty(name);

        var strings = Prototype(engine, "String");
        Guard(engine, strings, "repeat", (self, args) => Length(self) * Number(args, 0));
        Guard(engine, strings, "padStart", (_, args) => Number(args, 0));
        Guard(engine, strings, "padEnd", (_, args) => Number(args, 0));
        Guard(engine, strings, "concat", (self, args) => Length(self) + args.Sum(Length));
        // Every position could take the replacement: the most a replace can make.
        Guard(engine, strings, "replace", (self, args) => Length(self) + (Length(self) + 1) * ReplacementLength(args));
        Guard(engine, strings, "replaceAll", (self, args) => Length(self) + (Length(self) + 1) * ReplacementLength(args));
        var arrays = Prototype(engine, "Array");
        Guard(engine, arrays, "join", (self, args) => JoinedLength(self, args.Length > 0 && !args[0].IsUndefined() ? Length(args[0]) : 1));
        Guard(engine, arrays, "toString", (self, _) => JoinedLength(self, 1));
        Guard(engine, engine.Global.Get("JSON").AsObject(), "stringify", (_, args) => args.Length > 0 ? JsonLength(args[0], 0) : 0);
    }

    private static ObjectInstance Prototype(Engine engine, string constructor) =>
        engine.Global.Get(constructor).AsObject().Get("prototype").AsObject();

    private static void Guard(Engine engine, ObjectInstance owner, string name, Func<JsValue, JsValue[], double> resultLength)
    {
        var original = owner.Get(name);
        owner.FastSetProperty(name, new Jint.Runtime.Descriptors.PropertyDescriptor(new ClrFunction(engine, name, (self, args) =>
        {
            if (resultLength(self, args) > MaxStringLength)
                throw new SandboxLimitException(Words.Current["Expressions.JavaScriptSandbox.WouldMakeAStringLongerThan", name, MaxStringLength].Value);
            return engine.Call(original, self, args);
        }), writable: true, enumerable: false, configurable: true));
    }

    /// <summary>A function's results are strings of the limit at most; a string replacement is as long as it is.</summary>
    private static double ReplacementLength(JsValue[] args) =>
        args.Length < 2 ? 9 : args[1] is Jint.Native.Function.Function ? MaxStringLength : Length(args[1]);

    private static double Length(JsValue value) => value switch
    {
        JsString text => text.Length,
        ObjectInstance => 0, // converted by its own toString, which is limited when it runs
        _ when value.IsUndefined() || value.IsNull() => 9,
        _ => 24,
    };

    private static double Number(JsValue[] args, int i) => args.Length > i && TypeConverter.ToNumber(args[i]) is var n && !double.IsNaN(n) ? n : 0;

    private static double JoinedLength(JsValue self, double separator)
    {
        if (self is not ObjectInstance array) return 0;
        var length = TypeConverter.ToNumber(array.Get("length"));
        if (length > MaxArrayLength) return double.PositiveInfinity;
        double total = 0;
        for (uint i = 0; i < length && total <= MaxStringLength; i++) total += Length(array.Get(i)) + separator;
        return total;
    }

    /// <summary>An upper bound of JSON.stringify's result, walked with a stop as soon as it is over the limit.</summary>
    private static double JsonLength(JsValue value, int depth)
    {
        if (depth > 64) return double.PositiveInfinity;
        if (value is not ObjectInstance obj) return Length(value) * 6 + 2; // escapes make a character up to six
        double total = 2;
        foreach (var key in obj.GetOwnPropertyKeys())
        {
            total += Length(key) * 6 + 4 + JsonLength(obj.Get(key), depth + 1);
            if (total > MaxStringLength) return total;
        }
        return total;
    }
}

/// <summary>A script asked a built-in for more than the sandbox allows.</summary>
internal sealed class SandboxLimitException(string message) : Exception(message);
