using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TongkuangAlliance.IntegrationTests.Authorization;
using TongkuangAlliance.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace TongkuangAlliance.IntegrationTests.Features.Security;

/// <summary>
/// Bad-input sweep over every form the app shows. For each persona that reaches forms, pages are found by
/// crawling from the home page (menu, list and detail links; a bounded number per route shape), every
/// &lt;form method=post&gt; on them is collected, and each of its fields in turn is submitted with each class of
/// bad input while the other fields keep what the page filled in. Nothing here names a form: forms added
/// later are swept without edits.
/// <list type="bullet">
/// <item>No answer is a 5xx.</item>
/// <item>A form shown again (200) stored nothing: the audit table (every write to an audited record appends
/// to it) and the accounts are unchanged.</item>
/// <item>No answer — the submission's, the page it redirects to, or any crawled page afterwards — contains
/// the script or HTML payload unescaped.</item>
/// </list>
/// </summary>
public sealed class BadInputSweepTests(ITestOutputHelper output) : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Html = "<b>x</b>";

    /// <summary>
    /// Payload classes for free-text fields. The markup and the SQL/emoji/rare-CJK payloads are sent as one
    /// string each: every field sees every class, in half the requests.
    /// </summary>
    private static readonly (string Class, string Value)[] TextPayloads =
    [
        ("empty", ""),
        ("10000-chars", new string('长', 5000) + new string('x', 5000)),
        ("script+html", Script + Html),
        ("sql+emoji+cjk", "'; DROP TABLE Cases;-- 🙂𠮷𪚥"),
    ];

    /// <summary>For numbers, dates, choices and hidden ids/versions: wrong types and negative numbers (and markup, which is also a wrong type).</summary>
    private static readonly (string Class, string Value)[] TypedPayloads =
    [
        ("empty", ""),
        ("wrong-type", "abc"),
        ("negative", "-5"),
        ("script+html", Script + Html),
    ];

    /// <summary>Forms the sweep leaves alone: signing out would end the persona's session mid-sweep.</summary>
    private static readonly string[] Skipped = ["/Account/SignOut"];

    private const int PagesPerPersona = 60;
    private const int PagesPerRouteShape = 1;

    private readonly SweepPortal _portal = new();

    [Fact]
    public async Task Every_form_refuses_bad_input_without_failing_storing_it_or_echoing_it_raw()
    {
        var findings = new List<string>();
        var notes = new List<string>();
        int forms = 0, fields = 0, submissions = 0, accepted = 0, redisplayed = 0, refused = 0;
        var started = DateTime.UtcNow;

        var sweptShapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var persona in new[] { Persona.Anonymous, Persona.CommunityIn, Persona.GridIn, Persona.UnitIn, Persona.SubDistrict })
        {
            using var client = await SignedInAsync(persona);
            var pages = await CrawlAsync(client, persona == Persona.Anonymous ? ["/Account/SignIn", "/Residents/Report", "/Residents/Status"] : ["/"], findings);
            // A form another persona already swept (the language switch, the same edit form) is not swept again.
            var personaForms = pages.SelectMany(p => FormsOf(p.Url, p.Document)).DistinctBy(f => f.Shape).Where(f => sweptShapes.Add(f.Shape)).ToList();
            forms += personaForms.Count;

            foreach (var form in personaForms)
            {
                foreach (var field in form.Fields.Where(f => f.Name != "__RequestVerificationToken").Select(f => f.Name).Distinct())
                {
                    fields++;
                    foreach (var (kind, value) in form.IsTyped(field) ? TypedPayloads : TextPayloads)
                    {
                        var values = form.Fields.Where(f => f.Name != field).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
                        values.Add(new(field, value));
                        var before = await WrittenStateAsync();
                        using var content = new FormUrlEncodedContent(values);
                        using var response = await client.Http.PostAsync(form.Action, content);
                        submissions++;
                        var body = await response.Content.ReadAsStringAsync();
                        var what = $"{persona} POST {form.Action} [{field}={kind}]";
                        var status = (int)response.StatusCode;

                        if (status >= 500) findings.Add($"{what}: {status}");
                        CheckEscaped(what, body, findings);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            redisplayed++;
                            if (await WrittenStateAsync() != before) findings.Add($"{what}: answered 200 (form shown again) but stored a change");
                        }
                        else if (status is 301 or 302 or 303)
                        {
                            accepted++;
                            var location = response.Headers.Location?.OriginalString ?? "";
                            if (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal))
                            {
                                using var next = await client.GetAsync(location);
                                if ((int)next.StatusCode >= 500) findings.Add($"{what}: redirect target {location} answered {(int)next.StatusCode}");
                                CheckEscaped($"{what} → {location}", await next.Content.ReadAsStringAsync(), findings);
                            }
                            else if (location.Length > 0)
                            {
                                findings.Add($"{what}: redirected off the site to {location}");
                            }
                            if (location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) && persona != Persona.Anonymous)
                            {
                                // The submission ended the persona's own session (an edit of its own account renews its stamp).
                                notes.Add($"{what}: signed the persona out");
                                await client.SignedInAsAsync(UserOf(persona)!);
                            }
                            if (kind is "wrong-type" or "script+html" && form.IsTyped(field)) notes.Add($"{what}: accepted in a {form.TypeOf(field)} field");
                        }
                        else
                        {
                            refused++;
                        }
                    }
                }
            }

            // Whatever was stored is shown escaped wherever it appears.
            foreach (var (url, _) in pages)
            {
                using var again = await client.GetAsync(url);
                if ((int)again.StatusCode >= 500) findings.Add($"{persona} GET {url} after the sweep: {(int)again.StatusCode}");
                CheckEscaped($"{persona} GET {url} after the sweep", await again.Content.ReadAsStringAsync(), findings);
            }
            output.WriteLine($"{persona}: {pages.Count} pages, {personaForms.Count} forms");
        }

        output.WriteLine($"{forms} forms, {fields} fields, {submissions} submissions ({accepted} accepted, {redisplayed} shown again, {refused} refused otherwise) in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        output.WriteLine($"{notes.Count} notes:\n" + string.Join("\n", notes));
        output.WriteLine($"{findings.Count} findings:\n" + string.Join("\n", findings));
        Assert.True(forms >= 20, $"only {forms} forms found: the crawl is broken");
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join("\n", findings.Take(60)));
    }

    private static void CheckEscaped(string what, string body, List<string> findings)
    {
        if (body.Contains(Script, StringComparison.OrdinalIgnoreCase)) findings.Add($"{what}: raw {Script} in the answer");
        if (body.Contains(Html, StringComparison.OrdinalIgnoreCase)) findings.Add($"{what}: raw {Html} in the answer");
    }

    private async Task<PortalClient> SignedInAsync(Persona persona)
    {
        var client = _portal.CreatePortalClient();
        if (UserOf(persona) is { } user) await client.SignedInAsAsync(user);
        return client;
    }

    private static string? UserOf(Persona persona) => persona switch
    {
        Persona.SubDistrict => PortalClient.Users.SubDistrict,
        Persona.CommunityIn => PortalClient.Users.SouthCommunity,
        Persona.UnitIn => PortalClient.Users.EngineeringUnit,
        Persona.GridIn => GridWorkMatrixRows.GridInUser,
        _ => null,
    };

    /// <summary>Breadth-first over same-site links, at most a few pages per route shape (ids and queries stripped).</summary>
    private static async Task<List<(string Url, IHtmlDocument Document)>> CrawlAsync(PortalClient client, string[] start, List<string> findings)
    {
        var pages = new List<(string, IHtmlDocument)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var perShape = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && pages.Count < PagesPerPersona)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var shape = Shape(url);
            if (perShape.GetValueOrDefault(shape) >= PagesPerRouteShape) continue;
            perShape[shape] = perShape.GetValueOrDefault(shape) + 1;

            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500) findings.Add($"GET {url}: {(int)response.StatusCode}");
            // A landing page that sends the persona on (the grid worker's home is its ledger) is followed.
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } next && next.StartsWith('/') && !next.StartsWith("//", StringComparison.Ordinal))
                queue.Enqueue(next);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
            pages.Add((url, document));
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/lib/", StringComparison.Ordinal) || link.StartsWith("/css/", StringComparison.Ordinal)) continue;
                queue.Enqueue(link.Split('#')[0]);
            }
        }
        return pages;
    }

    private static string Shape(string url) => Regex.Replace(url.Split('?')[0], @"/\d+(?=/|$)", "/{id}") + (url.Contains('?', StringComparison.Ordinal) ? "?" : "");

    private static IEnumerable<SweptForm> FormsOf(string pageUrl, IHtmlDocument document)
    {
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
            var action = form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : pageUrl;
            if (Skipped.Any(s => action.StartsWith(s, StringComparison.OrdinalIgnoreCase))) continue;

            var fields = new List<(string Name, string Value)>();
            var types = new Dictionary<string, string>();
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                switch (element)
                {
                    case IHtmlInputElement input:
                        if (input.Type is "submit" or "button" or "image" or "reset" or "file") continue;
                        if (input.Type is "checkbox" or "radio" && !input.IsChecked) { types.TryAdd(name, input.Type); continue; }
                        fields.Add((name, input.Value));
                        if (input.Type is "number" or "date" or "datetime-local" or "time" or "month") types[name] = input.Type;
                        else if (input.Type == "hidden" && (int.TryParse(input.Value, out _) || Guid.TryParse(input.Value, out _))) types[name] = "hidden id";
                        break;
                    case IHtmlTextAreaElement textArea:
                        fields.Add((name, textArea.Value));
                        break;
                    case IHtmlSelectElement select:
                        types[name] = "select";
                        var selected = select.Options.Where(o => o.IsSelected).ToList();
                        if (selected.Count == 0 && select.Options.Length > 0) selected.Add(select.Options[0]);
                        fields.AddRange(selected.Select(o => (name, o.Value)));
                        break;
                }
            }
            // Fields that were unchecked checkboxes/radios still get payloads: a forged post may send them.
            foreach (var (name, _) in types.Where(t => t.Value is "checkbox" or "radio" && fields.All(f => f.Name != t.Key))) fields.Add((name, "true"));
            if (fields.All(f => f.Name == "__RequestVerificationToken")) continue;
            var shape = Shape(action) + "|" + string.Join(",", fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal));
            yield return new SweptForm(action, shape, fields, types);
        }
    }

    private Task<(int Writes, string Accounts)> WrittenStateAsync() => _portal.WithDbAsync(async db =>
    {
        // Change records of the interceptor (Added / Modified); a phone reveal's own record is a read, not a write.
        var writes = await db.AuditEntries.CountAsync(a => a.Action == "Added" || a.Action == "Modified");
        var stamps = await db.Users.OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp + u.SecurityStamp).ToListAsync();
        return (writes, string.Join(",", stamps));
    });

    public void Dispose() => _portal.Dispose();

    private sealed record SweptForm(string Action, string Shape, List<(string Name, string Value)> Fields, Dictionary<string, string> Types)
    {
        public bool IsTyped(string field) => Types.ContainsKey(field);
        public string TypeOf(string field) => Types.GetValueOrDefault(field, "text");
    }

    /// <summary>The residents' form allows a few submissions per address; the sweep sends hundreds.</summary>
    private sealed class SweepPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ResidentChannel:SubmitPermitLimit"] = "100000",
                ["ResidentChannel:LookupPermitLimit"] = "100000",
            }));
        }
    }
}
