using System.Text.RegularExpressions;

namespace TongkuangAlliance.UnitTests.Architecture;

/// <summary>
/// Issue 18: a case's state reads the same everywhere because it is said in one place (CaseStateVocabulary and the
/// _CaseState partial over the "CaseState.*" resources). A view that spells a state word by hand, renders the stored
/// status enum through a resource, or colours it itself fails here.
/// </summary>
public sealed partial class CaseStateVocabularyTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Web = Path.Combine(Root, "src", "TongkuangAlliance.Web");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TongkuangAlliance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The state words (both vocabularies, old and new) and the ways of rendering the stored status.</summary>
    [GeneratedRegex(@"已登记|已受理|调解中|履行中|调解成功|已化解|已回访|调解不成|已结案|已办结|未办结|""CaseStatus\.|CaseStatus\.\{|\bCaseStatusStyle\b|@\w+\.Status\b(?!\s*(==|!=|is\b))")]
    private static partial Regex HandSpelledState();

    public static IEnumerable<string> Offences(string text, string name)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (HandSpelledState().IsMatch(lines[i])) yield return $"{name}:{i + 1}: {lines[i].Trim()}";
    }

    [Fact]
    public void No_view_spells_a_case_state_by_hand()
    {
        var found = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_CaseState.cshtml", StringComparison.Ordinal))
            // Case-unrelated views render their own records' status (activities, terms …) through their own keys: only
            // the state words and the case status are looked for there.
            .SelectMany(f => Offences(File.ReadAllText(f), Path.GetRelativePath(Root, f))
                .Where(o => !Regex.IsMatch(o, @"@\w+\.Status\b") || Path.GetFileName(Path.GetDirectoryName(f)) is "Cases" or "GridWork" or "Residents"))
            .ToList();
        Assert.True(found.Count == 0, "Show a case's state with <partial name=\"_CaseState\" model=\"…State\" />:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Code_names_a_state_only_through_the_vocabulary()
    {
        var found = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (line, where: $"{Path.GetRelativePath(Root, f)}:{i + 1}")))
            .Where(x => x.line.Contains("\"CaseStatus.", StringComparison.Ordinal) || x.line.Contains("CaseStatus.{", StringComparison.Ordinal))
            .Select(x => x.where).ToList();
        Assert.True(found.Count == 0, "Use CaseStateVocabulary.Key(state):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_rule_finds_what_it_is_meant_to_find()
    {
        Assert.NotEmpty(Offences("<span class=\"badge text-bg-success\">已办结</span>", "x"));
        Assert.NotEmpty(Offences("<span>@L[$\"CaseStatus.{c.Status}\"]</span>", "x"));
        Assert.NotEmpty(Offences("<td>@c.Status</td>", "x"));
        Assert.NotEmpty(Offences("<span class=\"badge @CaseStatusStyle.Badge(c.Status)\">", "x"));
        Assert.Empty(Offences("<partial name=\"_CaseState\" model=\"c.State\" />", "x"));
        Assert.Empty(Offences("@if (Model.Status == CaseStatus.Registered)", "x"));
    }

    [Fact]
    public void Every_state_has_its_words_in_both_languages()
    {
        // The stored status keeps its words only for the audit page's field-by-field history (AuditController);
        // the scans above keep them out of every view.
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var resx = File.ReadAllText(Path.Combine(Web, "Resources", $"SharedResource.{culture}.resx"));
            foreach (var state in Enum.GetValues<CaseState>())
                Assert.Contains($"<data name=\"CaseState.{state}\"", resx, StringComparison.Ordinal);
        }
    }
}
