using System.Security.Claims;
using System.Text.Json;
using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>
/// An activity's page: its details, services, units, collected difficulties and history, with what the user may do
/// there asked of <see cref="ActivityAuthorizationHandler"/> and what the activity allows now (its status and times).
/// </summary>
public sealed class ActivityDetailsQuery(AppDbContext db, IAuthorizationService authorization, IStringLocalizer l)
{
    public async Task<ActivityDetailsViewModel?> LoadAsync(ClaimsPrincipal user, int id, DateTime now, CancellationToken ct)
    {
        var scope = user.Scope();
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var a = await db.Activities.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.CommunityId, x.Community!.SubDistrictId, CommunityName = x.Community.Name, CompoundName = x.Compound != null ? x.Compound.Name : null,
                x.Kind, x.Stream, x.Title, x.Place, x.StartUtc, x.EndUtc, x.Organiser,
                OrganiserUnit = x.OrganiserUnit != null ? x.OrganiserUnit.Name : null,
                Branch = x.Compound != null ? x.Compound.PartyBranchName : null,
                Committee = x.Community.PartyCommitteeName,
                x.Description, x.Status, x.CancelReason, x.CancelledAtUtc, x.DisputesMediated, x.ResultSummary,
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;

        var services = await db.ActivityServices.AsNoTracking().Where(s => s.ActivityId == id).OrderBy(s => s.ServiceKind!.SortOrder)
            .Select(s => new ServiceItem(s.Id, s.ServiceKindId, english ? s.ServiceKind!.NameEn : s.ServiceKind!.Name, s.VolunteersNeeded, s.ResidentsServed, s.IsOffered))
            .ToListAsync(ct);
        var units = await db.ActivityUnits.AsNoTracking().Where(u => u.ActivityId == id).OrderBy(u => u.MemberUnit!.Name)
            .Select(u => new UnitItem(u.MemberUnitId, u.MemberUnit!.Name, u.IsInvited, u.ConfirmedAtUtc, u.Commitment)).ToListAsync(ct);
        var resource = new ActivityResource(a.SubDistrictId, a.CommunityId, [.. units.Where(u => u.IsInvited).Select(u => u.MemberUnitId)]);
        async Task<bool> May(OperationAuthorizationRequirement operation) => (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;

        var difficulties = await db.ActivityDifficulties.AsNoTracking().Where(d => d.ActivityId == id).OrderBy(d => d.Id)
            .Select(d => new DifficultyItem(d.Id, d.ResidentName, d.ResidentPhone, d.Description, d.CaseId, d.Case != null ? d.Case.Number : null))
            .ToListAsync(ct);
        if (!await May(ActivityOperations.SeeResidents))
            difficulties = [.. difficulties.Select(d => d with { ResidentName = "", ResidentPhone = ChinesePhone.Mask(d.ResidentPhone), CaseNumber = null })];
        var history = await HistoryAsync(id, services, ct);

        var recordResults = await May(ActivityOperations.RecordResults);
        var categories = recordResults
            ? await db.CaseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new Option(c.Id, english ? c.NameEn : c.Name)).ToListAsync(ct)
            : [];
        var mine = await May(ActivityOperations.ConfirmParticipation) ? units.FirstOrDefault(u => u.MemberUnitId == scope.MemberUnitId && u.IsInvited) : null;
        return new ActivityDetailsViewModel
        {
            Id = a.Id, Version = a.Version, CommunityId = a.CommunityId, CommunityName = a.CommunityName, CompoundName = a.CompoundName,
            Kind = a.Kind, Stream = a.Stream, Title = a.Title, Place = a.Place, StartUtc = a.StartUtc, EndUtc = a.EndUtc,
            Organiser = a.Organiser,
            OrganiserName = a.Organiser switch
            {
                ActivityOrganiser.MemberUnit => a.OrganiserUnit,
                ActivityOrganiser.CompoundPartyBranch => a.Branch ?? a.CompoundName,
                _ => a.Committee,
            },
            Description = a.Description, Status = a.Status, CancelReason = a.CancelReason, CancelledAtUtc = a.CancelledAtUtc,
            DisputesMediated = a.DisputesMediated, ResultSummary = a.ResultSummary,
            Services = services, Units = units, Difficulties = difficulties, History = history, Categories = categories,
            CanEdit = a.Status != ActivityStatus.Cancelled && await May(ActivityOperations.Edit),
            CanCopy = await May(ActivityOperations.Schedule),
            CanCancel = a.Status == ActivityStatus.Planned && await May(ActivityOperations.Cancel),
            CanRecordResults = recordResults && a.Status != ActivityStatus.Cancelled && a.StartUtc <= now,
            HasStarted = a.StartUtc <= now,
            MyUnit = mine,
            CanConfirm = mine is not null && a.Status == ActivityStatus.Planned,
        };
    }

    private async Task<List<HistoryItem>> HistoryAsync(int id, IReadOnlyList<ServiceItem> services, CancellationToken ct)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == nameof(Activity) && e.EntityId == key)
                        || (e.EntityType == nameof(ActivityService) && db.ActivityServices.Where(s => s.ActivityId == id).Select(s => s.Id.ToString()).Contains(e.EntityId)))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.AtUtc, e.EntityType, e.EntityId, e.Action, e.Changes, User = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .Take(100)
            .ToListAsync(ct);
        var serviceNames = services.ToDictionary(s => s.Id.ToString(CultureInfo.InvariantCulture), s => s.Name);
        return audits.Select(e => new HistoryItem(e.AtUtc, e.User, e.EntityType == nameof(Activity) ? l[$"Activities.History.{e.Action}"] : l["Activities.History.Service"],
            DescribeChanges(e.Changes, e.EntityType == nameof(ActivityService) ? serviceNames.GetValueOrDefault(e.EntityId) : null))).Where(h => h.Changes.Count > 0).ToList();
    }

    /// <summary>The audit's JSON (property → [before, after]) as "field: before → after" lines, in the user's language.</summary>
    private List<string> DescribeChanges(string json, string? service)
    {
        var lines = new List<string>();
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (!ShownFields.Contains(property.Name) || property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2) continue;
            var before = Value(property.Value[0]);
            var after = Value(property.Value[1]);
            if (before == after) continue; // a new record lists its empty fields as null → null: nothing to read
            var label = l[$"Activities.Change.{property.Name}"].Value;
            lines.Add(service is null ? $"{label}: {before} → {after}" : $"{service} · {label}: {before} → {after}");
        }
        return lines;

        string Value(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null => "—",
            JsonValueKind.String when e.TryGetDateTime(out var t) && e.GetString()!.Contains('T', StringComparison.Ordinal) => Display.ChinaDateTime(t),
            JsonValueKind.String when Enum.TryParse<ActivityStatus>(e.GetString(), out var s) => l[$"ActivityStatus.{s}"],
            _ => e.ToString(),
        };
    }

    private static readonly HashSet<string> ShownFields =
    [
        nameof(Activity.Title), nameof(Activity.Place), nameof(Activity.StartUtc), nameof(Activity.EndUtc), nameof(Activity.Status),
        nameof(Activity.CancelReason), nameof(Activity.DisputesMediated), nameof(Activity.ResultSummary),
        nameof(ActivityService.VolunteersNeeded), nameof(ActivityService.ResidentsServed),
    ];
}
