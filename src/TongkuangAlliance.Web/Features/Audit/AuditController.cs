using System.Text.Json;
using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Audit;

/// <summary>
/// 审计日志: the sub-district committee reads the audit trail of its own sub-district (rows carry the
/// sub-district they belong to, see AuditEntry.SubDistrictId), newest first, filtered and paged. Three queries
/// whatever the rows: the entity types present, the count and the page (the actor's name is a subquery).
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed partial class AuditController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The actions the portal writes: the interceptor's, the phone reveal, and the accounts' and sign-ins' own.</summary>
    private static readonly string[] KnownActions =
    [
        "Added", "Modified", "PhoneRevealed", "IdNumberRevealed",
        Accounts.AccountAudit.Created, Accounts.AccountAudit.Edited, Accounts.AccountAudit.Locked, Accounts.AccountAudit.Unlocked,
        Accounts.AccountAudit.Deactivated, Accounts.AccountAudit.Reactivated, Accounts.AccountAudit.PasswordReset, Accounts.AccountAudit.AutoLocked,
        Accounts.AccountAudit.SignedIn, Accounts.AccountAudit.SignInFailed, Accounts.AccountAudit.SignInLockedOut, Accounts.AccountAudit.SignInRefusedInactive,
    ];

    [HttpGet]
    public async Task<IActionResult> Index(AuditFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var scoped = db.AuditEntries.AsNoTracking().VisibleTo(User.Scope());

        // A filter value that does not parse (a hand-edited URL) is ignored rather than answered with an error.
        if (!ModelState.IsValid) filter = new AuditFilter();
        var query = Filtered(scoped, filter);

        var entityTypes = await scoped.Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.AtUtc, a.UserId, a.EntityType, a.EntityId, a.Action, a.Changes,
                Actor = db.Users.Where(u => u.Id == a.UserId).Select(u => new { u.UserName, u.DisplayName }).FirstOrDefault(),
            })
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        var stored = rows.Items.Select(r => StoredChange.Parse(r.Changes)).ToList();
        var references = await AuditReferences.LoadAsync(db, rows.Items.Select((r, i) => (r.EntityType, r.EntityId, stored[i])), cancellationToken);

        ViewData["Title"] = l["Audit.Title"];
        return View(new AuditIndexViewModel
        {
            Filter = filter,
            Actions = KnownActions.Select(a => new AuditOption(a, ActionName(a))).ToList(),
            EntityTypes = entityTypes.Select(t => new AuditOption(t, EntityTypeName(t))).OrderBy(o => o.Text, StringComparer.Ordinal).ToList(),
            Entries = new PagedList<AuditRow>
            {
                Items = rows.Items.Select((r, i) => new AuditRow(r.AtUtc, r.Actor?.DisplayName, r.Actor?.UserName, r.UserId,
                    EntityTypeName(r.EntityType), r.EntityId, Link(r.EntityType, r.EntityId), ActionName(r.Action), Changes(r.EntityType, stored[i], references),
                    references.RecordName(r.EntityType, r.EntityId))).ToList(),
                Page = rows.Page,
                PageSize = rows.PageSize,
                TotalCount = rows.TotalCount,
            },
        });
    }

    /// <summary>The entries the filter's fields narrow to; each empty field narrows nothing.</summary>
    private IQueryable<Core.Auditing.AuditEntry> Filtered(IQueryable<Core.Auditing.AuditEntry> query, AuditFilter filter)
    {
        if (filter.From is { } from)
        {
            var fromUtc = ReportPeriod.StartUtc(from);
            query = query.Where(a => a.AtUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = ReportPeriod.EndUtcExclusive(to);
            query = query.Where(a => a.AtUtc < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var term = filter.User.Trim();
            query = query.Where(a => db.Users.Any(u => u.Id == a.UserId && (u.UserName!.Contains(term) || u.DisplayName.Contains(term))));
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) query = query.Where(a => a.EntityId == filter.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(filter.ActionName)) query = query.Where(a => a.Action == filter.ActionName.Trim());
        return query;
    }

    /// <summary>The record's own page, for the types that have one; sign-ins and parts of a record have none.</summary>
    private string? Link(string entityType, string entityId)
    {
        if (string.IsNullOrEmpty(entityId)) return null;
        var numeric = int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        return entityType switch
        {
            "Case" when numeric => Url.Action("Details", "Cases", new { id }),
            "Activity" when numeric => Url.Action("Details", "Activities", new { id }),
            "Community" when numeric => Url.Action("Details", "Communities", new { id }),
            "Grid" when numeric => Url.Action("Details", "Grids", new { id }),
            "MemberUnit" when numeric => Url.Action("Details", "MemberUnits", new { id }),
            "JointMeeting" when numeric => Url.Action("Details", "JointMeetings", new { id }),
            "AppUser" => Url.Action("Details", "Accounts", new { id = entityId }),
            _ => null,
        };
    }

    private string EntityTypeName(string type) => Localized("AuditEntity." + type, type);

    private string ActionName(string action) => Localized("AuditAction." + action, action);

    private string Localized(string key, string fallback)
    {
        var text = l[key];
        return text.ResourceNotFound ? Humanize(fallback) : text.Value;
    }

    /// <summary>"ReporterPhone" → "Reporter phone", for fields that have no name of their own in the resources.</summary>
    private static string Humanize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1])) builder.Append(' ').Append(char.ToLowerInvariant(c));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Bookkeeping and derived columns: stored with every change, but they say nothing a reader needs.</summary>
    private static readonly HashSet<string> Unshown =
    [
        "CreatedAtUtc", "CreatedBy", "ModifiedAtUtc", "ModifiedBy", "Version", "Revision", "LastProgressAtUtc",
        "PhoneTail", "RegisteredDay", "ResolvedDay", "ResolvedMonth",
    ];

    /// <summary>
    /// The stored before → after values, in the reader's language: field names from the resources, times in China
    /// time, enum values by their names on screen. A new record lists only the fields it was given. Phone numbers
    /// (residents' or contacts') and feed tokens show only that they changed: the audit page is read by staff who are
    /// not handling the case, a number is personal data and a token is a key.
    /// </summary>
    private List<AuditFieldChange> Changes(string entityType, IReadOnlyList<StoredChange> stored, AuditReferences references)
    {
        var changes = new List<AuditFieldChange>();
        foreach (var property in stored)
        {
            if (Unshown.Contains(property.Name)) continue;
            var (before, after) = (property.Before, property.After);
            if (IsEmpty(before) && IsEmpty(after)) continue;
            var secret = property.Name.Contains("Phone", StringComparison.OrdinalIgnoreCase) || property.Name.Contains("IdNumber", StringComparison.Ordinal) || property.Name == "Token";
            var field = property.Name.Split('.')[^1];
            string[] enumTypes = [EnumOfField.GetValueOrDefault(property.Name, entityType + field), field, field + "Status", entityType.Replace("Activity", "", StringComparison.Ordinal) + field,
                field == "CheckOutSource" ? "CheckInSource" : field, "Work" + field];
            var (shownBefore, shownAfter) = (references.NameOf(property.Name, before) ?? Value(before, secret, enumTypes),
                references.NameOf(property.Name, after) ?? Value(after, secret, enumTypes));
            // A deadline renewed within the same minute reads the same on screen: nothing for the reader to see.
            if (!secret && shownBefore == shownAfter) continue;
            changes.Add(new AuditFieldChange(FieldName(property.Name), shownBefore, shownAfter));
        }
        return changes;
    }

    /// <summary>Fields whose enum the record and field names do not spell (a project's stream, its owner's side, a work update's kind).</summary>
    private static readonly Dictionary<string, string> EnumOfField = new(StringComparer.Ordinal)
    {
        ["Stream"] = "ActivityStream", ["OwnerSide"] = "PairingSide", ["Update.Kind"] = "WorkUpdateKind",
    };

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (value.ValueKind == JsonValueKind.String && value.GetString() is "" or null);

    private string FieldName(string name) => FieldNames.Of(l, name, Humanize);

    private string Value(JsonElement value, bool secret, string[] enumTypes) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        _ when secret => l["Audit.PhoneMasked"].Value,
        JsonValueKind.True => l["Common.Yes"].Value,
        JsonValueKind.False => l["Common.No"].Value,
        JsonValueKind.String => Text(value.GetString() ?? "", enumTypes),
        _ => value.GetRawText(),
    };

    /// <summary>
    /// A stored text as read: a UTC time in China time; an enum member by its name on screen, found under the enum's
    /// resource prefix guessed from the record and field (CheckIn + Source → "CheckInSource.QrCode", Satisfaction →
    /// "Satisfaction.Satisfied", ActivitySignUp + Status → "SignUpStatus.Waitlisted").
    /// </summary>
    private string Text(string text, string[] enumTypes)
    {
        // The portal stores UTC only, so a time written without an offset (a DateTime read back from the database) is UTC too.
        if (text.Length is >= 16 and <= 34 && text[10] == 'T' && IsoTime().IsMatch(text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return Core.Common.ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (text.Length is > 0 and <= 40 && char.IsAsciiLetterUpper(text[0]) && text.All(char.IsAsciiLetter))
        {
            foreach (var enumType in enumTypes)
            {
                var named = l[$"{enumType}.{text}"];
                if (!named.ResourceNotFound) return named.Value;
            }
        }
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")]
    private static partial System.Text.RegularExpressions.Regex IsoTime();
}
