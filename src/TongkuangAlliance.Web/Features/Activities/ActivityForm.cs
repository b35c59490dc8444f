using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>The scheduling form: its choices, and the checks the domain cannot make (what is in scope, what belongs together).</summary>
public sealed class ActivityForm(AppDbContext db, IAuthorizationService authorization, IStringLocalizer l)
{
    public const string InputPrefix = "Input";

    /// <summary>
    /// Checks what the domain cannot: the user may schedule in the community, the compound and units belong to it, the
    /// services are active. Returns the other activities at the same compound that overlap the new times.
    /// </summary>
    public async Task<IReadOnlyList<ActivityRow>> CheckAsync(ClaimsPrincipal user, ModelStateDictionary modelState, ActivityInput input, int? id,
        IReadOnlyCollection<int> existingKinds, CancellationToken ct)
    {
        var subDistrict = await db.Communities.Where(c => c.Id == input.CommunityId).Select(c => (int?)c.SubDistrictId).SingleOrDefaultAsync(ct);
        if (subDistrict is not { } sub
            || !(await authorization.AuthorizeAsync(user, ActivityResource.ForCommunity(sub, input.CommunityId), ActivityOperations.Schedule)).Succeeded)
            modelState.AddModelError($"{InputPrefix}.CommunityId", l["Validation.Choose", l["Field.Community"]]);
        if (input.CompoundId is { } compound && !await db.Compounds.AnyAsync(c => c.Id == compound && c.CommunityId == input.CommunityId, ct))
            modelState.AddModelError($"{InputPrefix}.CompoundId", l["Activity.InvalidChoice"]);
        var paired = await db.Pairings.Where(p => p.CommunityId == input.CommunityId && p.EndDate == null).Select(p => p.MemberUnitId).ToListAsync(ct);
        if (input.UnitIds.Any(u => !paired.Contains(u)))
            modelState.AddModelError($"{InputPrefix}.UnitIds", l["Activity.UnitNotPaired"]);
        if (input.Organiser == ActivityOrganiser.MemberUnit && input.OrganiserUnitId is { } organiser && !paired.Contains(organiser))
            modelState.AddModelError($"{InputPrefix}.OrganiserUnitId", l["Activity.UnitNotPaired"]);
        var offered = input.Services.Where(s => s.Offered).Select(s => s.ServiceKindId).ToList();
        var active = await db.ServiceKinds.Where(k => k.IsActive || existingKinds.Contains(k.Id)).Select(k => k.Id).ToListAsync(ct);
        if (offered.Any(k => !active.Contains(k)))
            modelState.AddModelError($"{InputPrefix}.Services", l["Activity.InvalidChoice"]);
        if (input.Kind == ActivityKind.ServiceDay && offered.Count == 0 && modelState.IsValid)
            modelState.AddModelError($"{InputPrefix}.Services", l["Activity.ServicesRequired"]);

        if (input.CompoundId is not { } at || input.StartAt is not { } s || input.EndAt is not { } e || e <= s) return [];
        if (!ChinaTime.IsInRange(s) || !ChinaTime.IsInRange(e)) return []; // refused by [DateInRange]; not converted
        var startUtc = ChinaTime.ToUtc(s);
        var endUtc = ChinaTime.ToUtc(e);
        return await ActivityCalendar.Rows(db.Activities.Where(a => a.CompoundId == at && a.Id != id && a.Status != ActivityStatus.Cancelled
                && a.StartUtc < endUtc && a.EndUtc > startUtc).OrderBy(a => a.StartUtc))
            .ToListAsync(ct);
    }

    public async Task<ActivityFormViewModel> ModelAsync(UserScope scope, ActivityInput input, int? id, string? copiedFrom, IReadOnlyList<ActivityRow> overlaps,
        CancellationToken ct, IEnumerable<int>? existingKinds = null)
    {
        var kindsOnActivity = (existingKinds ?? []).ToList();
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        var compounds = await db.Compounds.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Community!.Name).ThenBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Community!.Name + " · " + c.Name, c.CommunityId)).ToListAsync(ct);
        var units = await db.Pairings.AsNoTracking().VisibleTo(scope).Where(p => p.EndDate == null)
            .OrderBy(p => p.Community!.Name).ThenBy(p => p.MemberUnit!.Name)
            .Select(p => new Option(p.MemberUnitId, p.Community!.Name + " · " + p.MemberUnit!.Name, p.CommunityId)).ToListAsync(ct);
        if (input.CommunityId > 0 && communities.Count > 1)
        {
            compounds = [.. compounds.Where(c => c.ParentId == input.CommunityId)];
            units = [.. units.Where(u => u.ParentId == input.CommunityId)];
        }
        else if (communities.Count == 1)
        {
            compounds = [.. compounds.Select(c => c with { Name = c.Name[(c.Name.IndexOf('·', StringComparison.Ordinal) + 2)..] })];
            units = [.. units.Select(c => c with { Name = c.Name[(c.Name.IndexOf('·', StringComparison.Ordinal) + 2)..] })];
        }
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var kinds = await db.ServiceKinds.AsNoTracking().Where(k => k.IsActive || kindsOnActivity.Contains(k.Id))
            .OrderBy(k => k.SortOrder).ThenBy(k => k.Name).Select(k => new { k.Id, k.Name, k.NameEn }).ToListAsync(ct);
        // One row per service kind, in the list's order, keeping what was entered.
        var entered = input.Services.GroupBy(s => s.ServiceKindId).ToDictionary(g => g.Key, g => g.First());
        input.Services = [.. kinds.Select(k => entered.TryGetValue(k.Id, out var s) ? s : new ServiceInput { ServiceKindId = k.Id, Volunteers = 1 })];
        return new ActivityFormViewModel
        {
            Id = id,
            Input = input,
            Communities = communities,
            Compounds = compounds,
            Units = units,
            ServiceNames = kinds.ToDictionary(k => k.Id, k => english ? k.NameEn : k.Name),
            Overlaps = overlaps,
            CommunityFixed = scope.CommunityId is not null || id is not null,
            CopiedFrom = copiedFrom,
        };
    }
}
