using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using TongkuangAlliance.IntegrationTests.Authorization;
using Xunit.Abstractions;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

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
public sealed partial class BadInputSweepTests(ITestOutputHelper output) : IDisposable
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

    /// <summary>
    /// For date and datetime-local fields as well: the first and last days a DateTime can hold. The first moved
    /// from China time to UTC (−8 h) falls before DateTime.MinValue; days added to the last pass DateTime.MaxValue.
    /// A form refuses them with a message (every date a person enters lies in <see cref="ChinaTime.EarliestDate"/>
    /// to <see cref="ChinaTime.LatestDate"/>); one that takes them stores a year-1 or year-9999 record.
    /// </summary>
    private static readonly (string Class, string Value)[] ExtremeDatePayloads =
    [
        ("min-datetime", "0001-01-01T00:00"),
        ("min-date", "0001-01-01"),
        ("max-datetime", "9999-12-31T23:59"),
        ("max-date", "9999-12-31"),
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
        var dateFields = new List<string>();
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
                    if (form.TypeOf(field) is "date" or "datetime-local") dateFields.Add($"{persona} {Shape(form.Action)} {field}");
                    foreach (var (kind, value) in PayloadsFor(form, field))
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
                            if (ExtremeDatePayloads.Any(p => p.Class == kind)) findings.Add($"{what}: accepted a date outside {ChinaTime.EarliestDate:yyyy}–{ChinaTime.LatestDate:yyyy}");
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
        output.WriteLine($"{dateFields.Count} date fields given extreme dates:\n" + string.Join("\n", dateFields));
        output.WriteLine($"{notes.Count} notes:\n" + string.Join("\n", notes));
        output.WriteLine($"{findings.Count} findings:\n" + string.Join("\n", findings));
        Assert.True(forms >= 20, $"only {forms} forms found: the crawl is broken");
        Assert.True(dateFields.Count >= 10, $"only {dateFields.Count} date fields found: the crawl is broken");
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join("\n", findings.Take(60)));
    }

    /// <summary>
    /// Issue 20, finding 11: every choice from a list (an enum field, found on the crawled forms of every persona)
    /// given a value that is not in the list is refused with the localized "choose one of the listed options" —
    /// not the framework's "“Bogus” is not a valid …" worded around the field's name — and no page carries the
    /// framework's English "The X field is required." in its markup.
    /// </summary>
    [Fact]
    public async Task Every_enum_field_refuses_a_tampered_value_with_the_localized_choice_message()
    {
        const string choice = "请从列表中选择一项。";
        var findings = new List<string>();
        var swept = new HashSet<string>(StringComparer.Ordinal);
        var enumFields = 0;
        foreach (var persona in new[] { Persona.Anonymous, Persona.CommunityIn, Persona.GridIn, Persona.UnitIn, Persona.SubDistrict })
        {
            using var client = await SignedInAsync(persona);
            var pages = await CrawlAsync(client, persona == Persona.Anonymous ? ["/Account/SignIn", "/Residents/Report", "/Residents/Status"] : ["/"], findings);
            foreach (var (url, document) in pages)
            {
                if (EnglishRequired().Match(document.DocumentElement.OuterHtml) is { Success: true } leak) findings.Add($"{persona} GET {url}: \"{leak.Value}\" in the markup");
            }
            foreach (var form in pages.SelectMany(p => FormsOf(p.Url, p.Document)).DistinctBy(f => f.Shape).Where(f => swept.Add(f.Shape)))
            {
                foreach (var field in form.Enums)
                {
                    enumFields++;
                    var values = form.Fields.Where(f => f.Name != field).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
                    values.Add(new(field, "Bogus"));
                    using var content = new FormUrlEncodedContent(values);
                    using var response = await client.Http.PostAsync(form.Action, content);
                    var what = $"{persona} POST {form.Action} [{field}=Bogus]";
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } next && next.StartsWith('/'))
                    {
                        using var shown = await client.GetAsync(next);
                        body = await shown.Content.ReadAsStringAsync();
                    }
                    var text = (await PortalClient.ParseAsync(body)).Body?.TextContent ?? "";
                    if (text.Contains("Bogus", StringComparison.Ordinal) || text.Contains("不是有效的", StringComparison.Ordinal)) findings.Add($"{what}: the framework's message");
                    else if (!text.Contains(choice, StringComparison.Ordinal)) findings.Add($"{what}: {(int)response.StatusCode} without \"{choice}\"");
                }
            }
        }
        output.WriteLine($"{enumFields} enum fields; {findings.Count} findings:\n" + string.Join("\n", findings));
        Assert.True(enumFields >= 10, $"only {enumFields} enum fields found: the crawl is broken");
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join("\n", findings.Take(60)));
    }

    [GeneratedRegex(@"The [\w ]+ field is required\.")]
    private static partial Regex EnglishRequired();

    private static (string Class, string Value)[] PayloadsFor(SweptForm form, string field) =>
        !form.IsTyped(field) ? TextPayloads
        : form.TypeOf(field) is "date" or "datetime-local" ? [.. TypedPayloads, .. ExtremeDatePayloads]
        : TypedPayloads;

    /// <summary>The year-1 and year-9999 values a browser's date pickers let through, per input type.</summary>
    private static readonly string[] ExtremeDateTimes = ["0001-01-01T00:00", "0001-01-01", "0001-01-01T07:59", "1999-12-31T23:59", "2101-01-01T00:00", "9999-12-31T23:59"];
    private static readonly string[] ExtremeDates = ["0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31"];

    /// <summary>
    /// The sweep reaches only the forms of the pages it crawls (one case page, in whatever state that case is).
    /// Here every date field of the case forms gets the extreme values on a case in the state whose form shows
    /// it: the intake's and the edit form's occurred-at, a mediation session's held-at, a term's due date, its
    /// fulfilment date and the follow-up date. Each is refused with the range message, stores nothing and is
    /// never a 5xx.
    /// </summary>
    [Fact]
    public async Task Extreme_dates_in_the_case_forms_are_refused_with_a_message_and_never_fail()
    {
        const string message = "请填写 2000 年至 2100 年之间的日期。";
        var findings = new List<string>();
        using var nanqu = await _portal.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var me = await _portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());

        // In mediation with a party and a pending term; and one resolved without agreement (for the follow-up).
        var open = await RegisterAsync(nanqu, await IntakeAsync(_portal, "极端日期：调解中"));
        await DoAsync(nanqu, open, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        await DoAsync(nanqu, open, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, open, "StartMediation");
        var party = await _portal.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == open).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, open, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Repair", ["description"] = "更换路灯", ["dueDate"] = ChinaToday(5) });
        var term = await _portal.WithDbAsync(db => db.Set<AgreementTerm>().Where(t => t.CaseId == open).Select(t => t.Id).SingleAsync());
        var community = await _portal.WithDbAsync(db => db.Cases.Where(c => c.Id == open).Select(c => c.CommunityId).SingleAsync());
        var resolved = await RegisterAsync(nanqu, await IntakeAsync(_portal, "极端日期：已办结"));
        await DoAsync(nanqu, resolved, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, resolved, "StartMediation");
        await DoAsync(nanqu, resolved, "Resolve", new() { ["agreementReached"] = "false", ["note"] = "已解释" });

        async Task CheckAsync(string what, string? field, Func<Task<HttpResponseMessage>> post)
        {
            var before = await WrittenStateAsync();
            using var response = await post();
            var status = (int)response.StatusCode;
            if (status != 200)
            {
                findings.Add($"{what}: {status} {response.Headers.Location}");
                return;
            }
            var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
            var shown = field is null ? HtmlAssert.Summary(page) : HtmlAssert.FieldError(page, field);
            if (!shown.Contains(message, StringComparison.Ordinal)) findings.Add($"{what}: shown again without the range message (\"{shown}\")");
            if (await WrittenStateAsync() != before) findings.Add($"{what}: stored a change");
        }

        foreach (var value in ExtremeDateTimes)
        {
            var intake = await IntakeAsync(_portal, "极端日期：登记");
            intake["Input.OccurredAt"] = value;
            await CheckAsync($"Create OccurredAt={value}", "Input.OccurredAt", () => nanqu.PostFormAsync("/Cases/Create", "/Cases/Create", intake));

            var edit = await IntakeAsync(_portal, "极端日期：调解中");
            edit["Input.OccurredAt"] = value;
            edit["Input.CommunityId"] = $"{community}";
            edit["Input.Version"] = await VersionAsync(nanqu, open);
            await CheckAsync($"Edit OccurredAt={value}", "Input.OccurredAt", () => nanqu.PostFormAsync($"/Cases/Edit/{open}", $"/Cases/Edit/{open}", edit));

            await CheckAsync($"RecordSession heldAt={value}", null, () => StepAsync(nanqu, open, "RecordSession", new()
            {
                ["heldAt"] = value, ["place"] = "社区调解室", ["convenedBy"] = "南区社区党委", ["attendees"] = "双方当事人", ["minutes"] = "", ["outcome"] = "",
            }));
        }
        foreach (var value in ExtremeDates)
        {
            await CheckAsync($"AddTerm dueDate={value}", null, () => StepAsync(nanqu, open, "AddTerm", new()
            {
                ["obligatedPartyId"] = $"{party}", ["kind"] = "Repair", ["description"] = "更换路灯", ["amount"] = "", ["dueDate"] = value,
            }));
            await CheckAsync($"MarkTermFulfilled fulfilledOn={value}", null, () => StepAsync(nanqu, open, "MarkTermFulfilled", new()
            {
                ["termId"] = $"{term}", ["fulfilledOn"] = value, ["proofNote"] = "现场查看",
            }));
            await CheckAsync($"RecordFollowUp date={value}", null, () => StepAsync(nanqu, resolved, "RecordFollowUp", new()
            {
                ["date"] = value, ["method"] = "Phone", ["satisfaction"] = "Satisfied", ["agreementHonoured"] = "", ["note"] = "",
            }));
        }

        // The cases are where they were.
        Assert.Equal(CaseStatus.InMediation, await _portal.WithDbAsync(db => db.Cases.Where(c => c.Id == open).Select(c => c.Status).SingleAsync()));
        Assert.Equal(CaseStatus.Resolved, await _portal.WithDbAsync(db => db.Cases.Where(c => c.Id == resolved).Select(c => c.Status).SingleAsync()));
        output.WriteLine($"{findings.Count} findings:\n" + string.Join("\n", findings));
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join("\n", findings));
    }

    /// <summary>
    /// Date filters in links and GET forms (which the sweep does not post): a hand-edited URL with the first or
    /// last day a DateTime holds is answered with the page (the filter reaching as far as it can, or ignored),
    /// never a 5xx.
    /// </summary>
    [Fact]
    public async Task Extreme_dates_in_list_filters_answer_the_page_and_never_fail()
    {
        var findings = new List<string>();
        var member = await _portal.WithDbAsync(db => db.PartyMembers.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var pages = new (string User, string Url)[]
        {
            (PortalClient.Users.SubDistrict, "/Cases?from={d}&to={d}"),
            (PortalClient.Users.SubDistrict, "/Cases?resolvedFrom={d}&resolvedTo={d}&followedFrom={d}&followedTo={d}"),
            (PortalClient.Users.SubDistrict, "/Cases/Export?from={d}&to={d}"),
            (PortalClient.Users.SubDistrict, "/Audit?From={d}&To={d}"),
            (PortalClient.Users.SubDistrict, "/Volunteers/Ledger?from={d}&to={d}"),
            (PortalClient.Users.SubDistrict, $"/Volunteers/Certificate/{member}?from={{d}}&to={{d}}"),
            (PortalClient.Users.SubDistrict, "/Dashboards?kind=Custom&from={d}&to={d}"),
            (PortalClient.Users.SubDistrict, "/Dashboards?kind=Year&year={y}"),
            (PortalClient.Users.SubDistrict, "/Activities?month={m}"),
            (PortalClient.Users.SubDistrict, "/Activities/Create?date={d}"),
            (PortalClient.Users.SouthCommunity, "/GridWork/Visits?month={m}"),
            (PortalClient.Users.EngineeringUnit, "/Terms?fulfilledFrom={d}&fulfilledTo={d}"),
        };
        foreach (var user in pages.Select(p => p.User).Distinct())
        {
            using var client = await _portal.CreatePortalClient().SignedInAsAsync(user);
            foreach (var (_, url) in pages.Where(p => p.User == user))
            {
                foreach (var day in new[] { "0001-01-01", "9999-12-31" })
                {
                    var real = url.Replace("{d}", day, StringComparison.Ordinal).Replace("{y}", day[..4], StringComparison.Ordinal).Replace("{m}", day[..7], StringComparison.Ordinal);
                    using var response = await client.GetAsync(real);
                    if (response.StatusCode != HttpStatusCode.OK) findings.Add($"{user} GET {real}: {(int)response.StatusCode}");
                }
            }
        }
        output.WriteLine($"{findings.Count} findings:\n" + string.Join("\n", findings));
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join("\n", findings));
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
            var enums = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                switch (element)
                {
                    case IHtmlInputElement input:
                        if (input.Type is "submit" or "button" or "image" or "reset" or "file") continue;
                        if (input.Type == "radio" && EnumValue().IsMatch(input.Value)) enums.Add(name);
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
                        if (select.Options.Where(o => o.Value.Length > 0).ToList() is { Count: > 0 } listed && listed.All(o => EnumValue().IsMatch(o.Value))) enums.Add(name);
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
            yield return new SweptForm(action, shape, fields, types) { Enums = enums };
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

        /// <summary>Choices from a list whose values are names (an enum's), not ids.</summary>
        public IReadOnlySet<string> Enums { get; init; } = new HashSet<string>();
    }

    /// <summary>An enum's value as a form sends it: a name (Dispute, SentBack), never an id.</summary>
    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex EnumValue();

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
