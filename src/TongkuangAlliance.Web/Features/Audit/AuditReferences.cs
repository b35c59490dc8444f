using System.Text.Json;

namespace TongkuangAlliance.Web.Features.Audit;

/// <summary>
/// Names the records an audit page's changes point at, so that 社区 reads 南区社区 (#1) rather than 1: one query per
/// kind of record referred to on the page, whatever the number of rows.
/// </summary>
public sealed class AuditReferences
{
    /// <summary>Reference fields by the kind of record they hold the key of.</summary>
    private static readonly Dictionary<string, string> KindOfField = new(StringComparer.Ordinal)
    {
        ["CommunityId"] = "Community", ["HomeCommunityId"] = "Community", ["OwnerCommunityId"] = "Community", ["ConvenerCommunityId"] = "Community",
        ["CompoundId"] = "Compound", ["HomeCompoundId"] = "Compound",
        ["GridId"] = "Grid",
        ["BuildingId"] = "Building",
        ["MemberUnitId"] = "MemberUnit", ["OwnerUnitId"] = "MemberUnit", ["OrganiserUnitId"] = "MemberUnit",
        ["CaseId"] = "Case",
        ["ObligatedPartyId"] = "CaseParty",
        ["CategoryId"] = "CaseCategory",
        ["ActivityId"] = "Activity",
        ["ServiceKindId"] = "ServiceKind",
        ["PartyMemberId"] = "PartyMember",
        ["HandlerUserId"] = "User", ["VisitorUserId"] = "User",
        ["MeetingId"] = "JointMeeting", ["DecisionId"] = "JointDecision", ["PairingId"] = "Pairing",
        ["NeedId"] = "PairingNeed", ["ResourceId"] = "PairingResource",
    };

    /// <summary>Audited record types that have a name, by kind (a sign-in is recorded under the account's id).</summary>
    private static readonly Dictionary<string, string> KindOfRecord = new(StringComparer.Ordinal)
    {
        ["Community"] = "Community", ["Compound"] = "Compound", ["Grid"] = "Grid", ["Building"] = "Building",
        ["MemberUnit"] = "MemberUnit", ["Case"] = "Case", ["CaseParty"] = "CaseParty", ["CaseCategory"] = "CaseCategory",
        ["Activity"] = "Activity", ["ServiceKind"] = "ServiceKind", ["PartyMember"] = "PartyMember",
        ["AppUser"] = "User", ["SignIn"] = "User",
        ["JointMeeting"] = "JointMeeting", ["JointDecision"] = "JointDecision", ["Pairing"] = "Pairing",
        ["PairingNeed"] = "PairingNeed", ["PairingResource"] = "PairingResource", ["ActionItem"] = "ActionItem", ["JointProject"] = "JointProject",
    };

    private readonly Dictionary<(string Kind, string Id), string> _names;

    private AuditReferences(Dictionary<(string Kind, string Id), string> names) => _names = names;

    /// <summary>The name of the record <paramref name="field"/> (a stored field name) refers to with <paramref name="value"/>, if known.</summary>
    public string? NameOf(string field, JsonElement value)
    {
        if (!KindOfField.TryGetValue(field, out var kind)) return null;
        var id = Key(value);
        if (id is null || !_names.TryGetValue((kind, id), out var name)) return null;
        return kind == "User" ? name : $"{name} (#{id})";
    }

    /// <summary>The name of an audited record itself (案件 → its number), if it has one.</summary>
    public string? RecordName(string entityType, string entityId) =>
        KindOfRecord.TryGetValue(entityType, out var kind) && _names.TryGetValue((kind, entityId), out var name) ? name : null;

    public static async Task<AuditReferences> LoadAsync(AppDbContext db, IEnumerable<(string EntityType, string EntityId, IReadOnlyList<StoredChange> Changes)> rows, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Want(string kind, string id)
        {
            if (!wanted.TryGetValue(kind, out var ids)) wanted[kind] = ids = new HashSet<string>(StringComparer.Ordinal);
            ids.Add(id);
        }
        foreach (var (entityType, entityId, changes) in rows)
        {
            foreach (var change in changes)
            {
                if (!KindOfField.TryGetValue(change.Name, out var fieldKind)) continue;
                if (Key(change.Before) is { } before) Want(fieldKind, before);
                if (Key(change.After) is { } after) Want(fieldKind, after);
            }
            if (entityId.Length > 0 && KindOfRecord.TryGetValue(entityType, out var kind)) Want(kind, entityId);
        }
        var names = new Dictionary<(string Kind, string Id), string>();

        List<int> Ints(string kind) => wanted.TryGetValue(kind, out var ids)
            ? ids.Select(i => int.TryParse(i, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).OfType<int>().ToList()
            : [];
        void Add(string kind, int id, string name) => names[(kind, id.ToString(CultureInfo.InvariantCulture))] = name;

        if (Ints("Community") is { Count: > 0 } communities)
            foreach (var r in await db.Communities.AsNoTracking().Where(c => communities.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)) Add("Community", r.Id, r.Name);
        if (Ints("Compound") is { Count: > 0 } compounds)
            foreach (var r in await db.Compounds.AsNoTracking().Where(c => compounds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)) Add("Compound", r.Id, r.Name);
        if (Ints("Grid") is { Count: > 0 } grids)
            foreach (var r in await db.Grids.AsNoTracking().Where(g => grids.Contains(g.Id)).Select(g => new { g.Id, g.Name, Community = g.Community!.Name }).ToListAsync(cancellationToken)) Add("Grid", r.Id, $"{r.Community} {r.Name}");
        if (Ints("Building") is { Count: > 0 } buildings)
            foreach (var r in await db.Buildings.AsNoTracking().Where(b => buildings.Contains(b.Id)).Select(b => new { b.Id, b.Name, Compound = b.Compound!.Name }).ToListAsync(cancellationToken)) Add("Building", r.Id, $"{r.Compound} {r.Name}");
        if (Ints("MemberUnit") is { Count: > 0 } units)
            foreach (var r in await db.MemberUnits.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken)) Add("MemberUnit", r.Id, r.Name);
        if (Ints("Case") is { Count: > 0 } cases)
            foreach (var r in await db.Cases.AsNoTracking().Where(c => cases.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken)) Add("Case", r.Id, r.Number);
        if (Ints("CaseParty") is { Count: > 0 } parties)
            foreach (var r in await db.CaseParties.AsNoTracking().Where(p => parties.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)) Add("CaseParty", r.Id, r.Name);
        if (Ints("CaseCategory") is { Count: > 0 } categories)
            foreach (var r in await db.CaseCategories.AsNoTracking().Where(c => categories.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)) Add("CaseCategory", r.Id, r.Name);
        if (Ints("Activity") is { Count: > 0 } activities)
            foreach (var r in await db.Activities.AsNoTracking().Where(a => activities.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken)) Add("Activity", r.Id, r.Title);
        if (Ints("ServiceKind") is { Count: > 0 } kinds)
            foreach (var r in await db.ServiceKinds.AsNoTracking().Where(k => kinds.Contains(k.Id)).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken)) Add("ServiceKind", r.Id, r.Name);
        if (Ints("PartyMember") is { Count: > 0 } members)
            foreach (var r in await db.PartyMembers.AsNoTracking().Where(m => members.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken)) Add("PartyMember", r.Id, r.Name);
        if (Ints("JointMeeting") is { Count: > 0 } meetings)
            foreach (var r in await db.JointMeetings.AsNoTracking().Where(m => meetings.Contains(m.Id)).Select(m => new { m.Id, m.MeetingDate, m.Place }).ToListAsync(cancellationToken))
                Add("JointMeeting", r.Id, $"{r.MeetingDate:yyyy-MM-dd} {r.Place}");
        if (Ints("JointDecision") is { Count: > 0 } decisions)
            foreach (var r in await db.Set<Core.Joint.JointDecision>().AsNoTracking().Where(d => decisions.Contains(d.Id)).Select(d => new { d.Id, d.Text }).ToListAsync(cancellationToken))
                Add("JointDecision", r.Id, Short(r.Text));
        if (Ints("Pairing") is { Count: > 0 } pairings)
            foreach (var r in await db.Pairings.AsNoTracking().Where(p => pairings.Contains(p.Id)).Select(p => new { p.Id, Unit = p.MemberUnit!.Name, Community = p.Community!.Name }).ToListAsync(cancellationToken))
                Add("Pairing", r.Id, $"{r.Unit} — {r.Community}");
        if (Ints("PairingNeed") is { Count: > 0 } needs)
            foreach (var r in await db.Set<Core.Joint.PairingNeed>().AsNoTracking().Where(n => needs.Contains(n.Id)).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken)) Add("PairingNeed", r.Id, r.Title);
        if (Ints("PairingResource") is { Count: > 0 } resources)
            foreach (var r in await db.Set<Core.Joint.PairingResource>().AsNoTracking().Where(n => resources.Contains(n.Id)).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken)) Add("PairingResource", r.Id, r.Title);
        if (Ints("ActionItem") is { Count: > 0 } items)
            foreach (var r in await db.Set<Core.Joint.ActionItem>().AsNoTracking().Where(a => items.Contains(a.Id)).Select(a => new { a.Id, a.What }).ToListAsync(cancellationToken)) Add("ActionItem", r.Id, Short(r.What));
        if (Ints("JointProject") is { Count: > 0 } projects)
            foreach (var r in await db.Set<Core.Joint.JointProject>().AsNoTracking().Where(p => projects.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken)) Add("JointProject", r.Id, r.Title);
        if (wanted.TryGetValue("User", out var users) && users.Count > 0)
        {
            var userIds = users.ToList();
            foreach (var r in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                names[("User", r.Id)] = r.DisplayName;
        }
        return new AuditReferences(names);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string? Key(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String when !string.IsNullOrEmpty(value.GetString()) => value.GetString(),
        _ => null,
    };
}

/// <summary>One field of a stored audit row's changes, before and after, parsed once per row for the page.</summary>
public sealed record StoredChange(string Name, JsonElement Before, JsonElement After)
{
    /// <summary>The stored <c>{"Field": [before, after], …}</c>; anything else (unreadable or another shape) is no change.</summary>
    public static IReadOnlyList<StoredChange> Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException) { return []; }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            return document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                .Select(p => new StoredChange(p.Name, p.Value[0].Clone(), p.Value[1].Clone()))
                .ToList();
        }
    }
}
