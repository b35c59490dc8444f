using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TongkuangAlliance.UnitTests.Architecture;

/// <summary>
/// The rules of docs/architecture.md that a reviewer would otherwise have to remember (issue 16):
/// three places decide — who may read (Core/Scoping), who may do (Authorization/ handlers and named policies),
/// what a record allows (the entity) — so features never branch on a role; and rooms stay small enough to live in.
/// </summary>
public sealed partial class ArchitectureRulesTests
{
    /// <summary>Controllers that may exceed the size rules, with the reason. Empty: none needs to.</summary>
    private static readonly Dictionary<string, string> SizeExceptions = new(StringComparer.Ordinal);

    /// <summary>Lines under Features/ that may mention a role, with the reason. Empty: none needs to.</summary>
    private static readonly Dictionary<string, string> RoleExceptions = new(StringComparer.Ordinal);

    private const int MaxControllerLines = 300;
    private const int MaxActionLines = 40;

    private static readonly string Root = FindRoot();
    private static readonly string Features = Path.Combine(Root, "src", "TongkuangAlliance.Web", "Features");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TongkuangAlliance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"\bscope\.Role\b|\.Role\s*(==|!=)|\.Role\s+(is|switch)\b|\bIsInRole\s*\(")]
    private static partial Regex RoleBranch();

    [Fact]
    public void Features_never_branch_on_a_role()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Features, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!RoleBranch().IsMatch(lines[i])) continue;
                var where = $"{Relative(file)}:{i + 1}";
                if (!RoleExceptions.ContainsKey(Relative(file))) found.Add($"{where}: {lines[i].Trim()}");
            }
        }
        Assert.True(found.Count == 0,
            "Features decide by asking IAuthorizationService (a policy or a resource handler), not by a role:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_rule_finds_what_it_is_meant_to_find()
    {
        Assert.Matches(RoleBranch(), "if (scope.Role == PortalRole.PairedUnit)");
        Assert.Matches(RoleBranch(), "var x = me.Role is PortalRole.GridWorker;");
        Assert.Matches(RoleBranch(), "@if (User.IsInRole(PortalRoles.SubDistrictCommittee))");
        Assert.Matches(RoleBranch(), "return s.Role switch");
        Assert.DoesNotMatch(RoleBranch(), "var role = L[\"Role.\" + PortalRoleNames.Of(user)];");
        Assert.DoesNotMatch(RoleBranch(), "input.Role = PortalRole.CommunityCommittee;");
    }

    [Fact]
    public void No_action_or_controller_gates_by_role_name_only_by_named_policy()
    {
        var web = typeof(TongkuangAlliance.Web.Authorization.Policies).Assembly;
        var offenders = new List<string>();
        foreach (var type in web.GetTypes())
        {
            if (type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(a => a.Roles is not null)) offenders.Add(type.FullName!);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                if (method.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(a => a.Roles is not null))
                    offenders.Add($"{type.FullName}.{method.Name}");
        }

        // The source too: an [Authorize(Roles=…)] on anything reflection does not reach (a Razor page, a hub).
        foreach (var (file, tree) in SourceTrees(Path.Combine(Root, "src")))
            foreach (var attribute in tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>())
                if (attribute.Name.ToString() is "Authorize" or "AuthorizeAttribute"
                    && attribute.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.Text == "Roles") == true)
                    offenders.Add($"{Relative(file)}:{Line(attribute)}");

        Assert.True(offenders.Count == 0, "[Authorize(Roles = …)] bypasses Policies.cs; use [Authorize(Policy = Policies.X)]:\n" + string.Join("\n", offenders.Distinct()));
    }

    [Fact]
    public void Controllers_stay_small_and_their_actions_short()
    {
        var problems = new List<string>();
        var controllers = 0;
        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (file, tree) in SourceTrees(Features))
        {
            foreach (var controller in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(IsController))
            {
                controllers++;
                var name = controller.Identifier.Text;
                if (SizeExceptions.ContainsKey(name)) continue;
                // partial is fine for a source generator ([GeneratedRegex]); a controller spread over files is not.
                if (!declaredIn.TryGetValue(name, out var files)) declaredIn[name] = files = [];
                files.Add(Relative(file));
                var lines = Lines(controller.SpanStart, controller.Span.End, tree);
                if (lines > MaxControllerLines) problems.Add($"{name} ({Relative(file)}) has {lines} lines (at most {MaxControllerLines})");

                foreach (var action in controller.Members.OfType<MethodDeclarationSyntax>().Where(IsAction))
                {
                    // From the signature (attributes not counted) to the closing brace.
                    var start = action.Modifiers.Count > 0 ? action.Modifiers.First().SpanStart : action.ReturnType.SpanStart;
                    var actionLines = Lines(start, action.Span.End, tree);
                    if (actionLines > MaxActionLines)
                        problems.Add($"{name}.{action.Identifier.Text} ({Relative(file)}:{Line(action)}) has {actionLines} lines (at most {MaxActionLines})");
                }
            }
        }
        foreach (var (name, files) in declaredIn.Where(d => d.Value.Count > 1))
            problems.Add($"{name} is spread over {string.Join(", ", files.Order())}: split it into controllers, not files");
        Assert.True(controllers > 20, $"found only {controllers} controllers under {Features}: is the path right?");
        Assert.True(problems.Count == 0, "Rooms too big to live in:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_listed_exception_still_applies_and_says_why()
    {
        foreach (var (key, reason) in SizeExceptions.Concat(RoleExceptions))
            Assert.False(string.IsNullOrWhiteSpace(reason), $"exception {key} gives no reason");
        foreach (var file in RoleExceptions.Keys)
            Assert.True(File.Exists(Path.Combine(Features, file)), $"role exception for {file}, which no longer exists");
    }

    private static bool IsController(ClassDeclarationSyntax c) =>
        c.Identifier.Text.EndsWith("Controller", StringComparison.Ordinal)
        && !c.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && c.BaseList is not null;

    private static bool IsAction(MethodDeclarationSyntax m) =>
        m.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !m.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "NonAction" or nameof(NonActionAttribute));

    private static IEnumerable<(string File, SyntaxTree Tree)> SourceTrees(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains(".Migrations.", StringComparison.Ordinal))
            .Select(f => (f, CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)));

    private static int Lines(int start, int end, SyntaxTree tree) =>
        tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(start, end - start)) is var span
            ? span.EndLinePosition.Line - span.StartLinePosition.Line + 1
            : 0;

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Relative(string file) => Path.GetRelativePath(file.StartsWith(Features, StringComparison.Ordinal) ? Features : Root, file);
}
