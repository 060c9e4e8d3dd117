using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace ReDo.Properties.Architecture;

/// <summary>
/// Finds, by reading IL, every place an assembly makes a TorchSharp Scalar the finalizer will free
/// (docs/torch-rules.md): a call of an implicit conversion to <see cref="Scalar"/>, or a call of a
/// TorchSharp method that makes one inside (found the same way in TorchSharp's own IL, followed
/// through TorchSharp's calls: e.g. <c>Tensor.add_(Scalar)</c> passes an implicit alpha of 1, and
/// the <c>+</c> operator calls <c>add(Tensor)</c>, which does too).
/// </summary>
public static class ImplicitScalarScan
{
    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    static readonly Lazy<HashSet<MethodBase>> HazardousTorchMethods = new(FindHazardousTorchMethods);

    /// <summary>"Type.Method: what it calls" for every offending call in the assembly's own code.</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly)
    {
        var hazardous = HazardousTorchMethods.Value;
        var found = new List<string>();
        foreach (var method in MethodsOf(assembly))
            foreach (var callee in Callees(method))
                if (IsImplicitScalar(callee) || hazardous.Contains(Definition(callee)))
                    found.Add($"{method.DeclaringType?.FullName}.{method.Name}: calls {Describe(callee)}");
        return [.. found.Distinct().Order()];
    }

    static bool IsImplicitScalar(MethodBase m) =>
        m.Name == "op_Implicit" && m is MethodInfo mi && mi.ReturnType == typeof(Scalar);

    static MethodBase Definition(MethodBase m) => m is MethodInfo { IsGenericMethod: true } g ? g.GetGenericMethodDefinition() : m;

    static string Describe(MethodBase m) =>
        $"{m.DeclaringType?.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>TorchSharp methods that make an implicit Scalar themselves or through TorchSharp methods they call (a fixed point).</summary>
    static HashSet<MethodBase> FindHazardousTorchMethods()
    {
        var torch = typeof(Scalar).Assembly;
        var calls = MethodsOf(torch).ToDictionary(m => (MethodBase)m, m => Callees(m).Select(Definition).ToList());
        var hazardous = calls.Where(kv => kv.Value.Any(IsImplicitScalar)).Select(kv => kv.Key).ToHashSet();
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (method, callees) in calls)
                if (!hazardous.Contains(method) && callees.Any(hazardous.Contains))
                    grew = hazardous.Add(method);
        }
        return hazardous;
    }

    static IEnumerable<MethodBase> MethodsOf(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = [.. e.Types.Where(t => t is not null).Cast<Type>()]; }
        foreach (var type in types)
        {
            MethodBase[] methods;
            try { methods = [.. type.GetMethods(all), .. type.GetConstructors(all)]; }
            catch (TypeLoadException) { continue; }
            catch (FileNotFoundException) { continue; }
            foreach (var m in methods)
                if (m.DeclaringType == type) yield return m;
        }
    }

    /// <summary>Methods a body calls, takes the address of, or constructs (call, callvirt, newobj, ldftn, ldvirtftn).</summary>
    static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception) { yield break; }
        if (il is null) yield break;
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        Type[]? methodArgs = method is MethodInfo { IsGenericMethod: true } gm ? gm.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            if (op.OperandType == OperandType.InlineMethod)
            {
                int token = BitConverter.ToInt32(il, i);
                MethodBase? callee = null;
                try { callee = module.ResolveMethod(token, typeArgs, methodArgs); }
                catch (Exception) { }
                if (callee is not null) yield return callee;
            }
            i += OperandSize(op, il, i);
        }
    }

    static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
