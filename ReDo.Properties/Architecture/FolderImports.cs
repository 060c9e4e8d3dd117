using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace ReDo.Properties.Architecture;

/// <summary>One folder of a project using another: where it is seen (a type, or a file's using directive).</summary>
public sealed record FolderImport(string From, string To, string Where);

/// <summary>
/// Which top-level folder of a project uses which, seen two ways and taken together:
/// <list type="bullet">
/// <item>the compiled assembly: every type the project's own types name in their signatures, fields,
/// locals, attributes and method bodies (the IL's type, method and field tokens, generic arguments
/// included), read with System.Reflection.Metadata without loading anything. This sees a use that no
/// source line spells: a member reached through another member's result, a type inferred by <c>var</c>;
/// comments and strings cannot fool it.</item>
/// <item>the source's using directives (plain, static and alias): an import a reader sees, even one
/// the code does not use (yet), which the compiler drops.</item>
/// </list>
/// A folder is the namespace segment after the project's root namespace: namespaces follow folders
/// (<see cref="FolderOrderTests.Namespaces_follow_folders"/>), so the compiled types tell their folder.
/// Types of the root namespace (and of the global namespace, like top-level statements) are the folder
/// <see cref="Root"/>; compiler-made global types (&lt;PrivateImplementationDetails&gt;, anonymous types) belong to no folder.
/// </summary>
public static class FolderImports
{
    public const string Root = "(root)";

    /// <summary>Both views of <paramref name="assembly"/>, whose sources lie under <paramref name="sourceFolder"/>.</summary>
    public static IReadOnlyList<FolderImport> Of(Assembly assembly, string rootNamespace, string sourceFolder) =>
        [.. Compiled(assembly.Location, rootNamespace), .. SourceUsings(sourceFolder, rootNamespace)];

    /// <summary>The folder of a namespace of this project; null for another project's namespace.</summary>
    public static string? FolderOf(string ns, string rootNamespace) =>
        ns.Length == 0 || ns == rootNamespace ? Root
        : ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? ns[(rootNamespace.Length + 1)..].Split('.')[0]
        : null;

    // ── The source's using directives ─────────────────────────────────────────────────────────

    static readonly Regex UsingDirective = new(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;", RegexOptions.Multiline);

    public static IEnumerable<FolderImport> SourceUsings(string sourceFolder, string rootNamespace) =>
        Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sourceFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
            .SelectMany(f => UsingsOf(f, File.ReadAllText(Path.Combine(sourceFolder, f)), rootNamespace));

    static readonly Regex NamespaceDeclaration = new(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline);

    /// <summary>The imports of one file (<paramref name="relativePath"/> only names it): its folder is its namespace's, as for a compiled type.</summary>
    public static IEnumerable<FolderImport> UsingsOf(string relativePath, string text, string rootNamespace)
    {
        var declared = NamespaceDeclaration.Match(text) is { Success: true } n ? n.Groups["ns"].Value : "";
        if (FolderOf(declared, rootNamespace) is not { } from) yield break;
        foreach (Match m in UsingDirective.Matches(text))
            if (FolderOf(m.Groups["ns"].Value, rootNamespace) is { } to && to != Root && to != from)
                yield return new FolderImport(from, to, $"{relativePath}: using {m.Groups["ns"].Value}");
    }

    // ── The compiled assembly ─────────────────────────────────────────────────────────────────

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<FolderImport> Compiled(string assemblyPath, string rootNamespace)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new List<FolderImport>();
        foreach (var handle in md.TypeDefinitions)
        {
            if (FolderOfType(md, handle, rootNamespace) is not { } from) continue;
            var seen = new HashSet<TypeDefinitionHandle>();
            var collector = new TypeCollector(md, seen);
            UsesOf(md, pe, handle, collector);
            var name = NameOf(md, handle);
            foreach (var used in seen)
                if (FolderOfType(md, used, rootNamespace) is { } to && to != from)
                    found.Add(new FolderImport(from, to, $"{name} uses {NameOf(md, used)}"));
        }
        return found;
    }

    static string? FolderOfType(MetadataReader md, TypeDefinitionHandle handle, string rootNamespace)
    {
        var outer = Outermost(md, handle);
        var type = md.GetTypeDefinition(outer);
        var ns = md.GetString(type.Namespace);
        if (ns.Length == 0 && md.GetString(type.Name).StartsWith('<')) return null;   // <Module>, <PrivateImplementationDetails>, anonymous types
        return FolderOf(ns, rootNamespace);
    }

    static TypeDefinitionHandle Outermost(MetadataReader md, TypeDefinitionHandle handle)
    {
        for (var declaring = md.GetTypeDefinition(handle).GetDeclaringType(); !declaring.IsNil; declaring = md.GetTypeDefinition(handle).GetDeclaringType())
            handle = declaring;
        return handle;
    }

    static string NameOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(Outermost(md, handle));
        var ns = md.GetString(type.Namespace);
        return (ns.Length > 0 ? ns + "." : "") + md.GetString(type.Name);
    }

    static void UsesOf(MetadataReader md, PEReader pe, TypeDefinitionHandle handle, TypeCollector c)
    {
        var type = md.GetTypeDefinition(handle);
        c.Entity(type.BaseType);
        foreach (var i in type.GetInterfaceImplementations()) c.Entity(md.GetInterfaceImplementation(i).Interface);
        foreach (var g in type.GetGenericParameters())
            foreach (var k in md.GetGenericParameter(g).GetConstraints()) c.Entity(md.GetGenericParameterConstraint(k).Type);
        Attributes(md, type.GetCustomAttributes(), c);
        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            field.DecodeSignature(c, null);
            Attributes(md, field.GetCustomAttributes(), c);
        }
        foreach (var p in type.GetProperties()) Attributes(md, md.GetPropertyDefinition(p).GetCustomAttributes(), c);
        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            method.DecodeSignature(c, null);
            Attributes(md, method.GetCustomAttributes(), c);
            if (method.RelativeVirtualAddress == 0) continue;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil) md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(c, null);
            Tokens(body.GetILReader(), c);
        }
    }

    static void Attributes(MetadataReader md, CustomAttributeHandleCollection attributes, TypeCollector c)
    {
        foreach (var a in attributes) c.Entity(md.GetCustomAttribute(a).Constructor);
    }

    /// <summary>Every type, method and field token of a method body (calls, news, casts, typeof, field loads).</summary>
    static void Tokens(BlobReader il, TypeCollector c)
    {
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE) value = (short)(0xFE00 | il.ReadByte());
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
                case OperandType.InlineVar: il.Offset += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
                case OperandType.InlineSwitch: var targets = il.ReadInt32(); il.Offset += 4 * targets; break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    c.Entity(MetadataTokens.EntityHandle(il.ReadInt32())); break;
                default: il.Offset += 4; break;   // InlineBrTarget, InlineI, InlineString, InlineSig, ShortInlineR
            }
        }
    }

    /// <summary>Collects the assembly's own type definitions that signatures and tokens name.</summary>
    sealed class TypeCollector(MetadataReader md, HashSet<TypeDefinitionHandle> seen) : ISignatureTypeProvider<bool, object?>
    {
        public void Entity(EntityHandle handle)
        {
            if (handle.IsNil) return;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition: seen.Add((TypeDefinitionHandle)handle); break;
                case HandleKind.TypeSpecification: md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null); break;
                case HandleKind.MethodDefinition: seen.Add(md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()); break;
                case HandleKind.FieldDefinition: seen.Add(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()); break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(this, null);
                    else member.DecodeFieldSignature(this, null);
                    break;
            }
        }

        public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => seen.Add(handle);
        public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            Entity(handle);
            return false;
        }
        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;
        public bool GetSZArrayType(bool elementType) => false;
        public bool GetArrayType(bool elementType, ArrayShape shape) => false;
        public bool GetByReferenceType(bool elementType) => false;
        public bool GetPointerType(bool elementType) => false;
        public bool GetPinnedType(bool elementType) => false;
        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => false;
        public bool GetGenericMethodParameter(object? context, int index) => false;
        public bool GetGenericTypeParameter(object? context, int index) => false;
        public bool GetFunctionPointerType(MethodSignature<bool> signature) => false;
        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => false;
    }
}
