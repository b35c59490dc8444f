using System.Text.Json;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Core.Identity;
using static TongkuangAlliance.IntegrationTests.Features.Activities.ActivityTestKit;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Audit;

/// <summary>
/// Issue 10 §5: every write to cases, agreement terms, activities, check-ins, accounts and pairings leaves an audit row
/// with who, when, which record and the values before and after. One write of each, through the pages.
/// </summary>
public sealed class AuditCoverageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_audited_kind_of_write_through_the_pages_and_the_check_in_desk_leaves_who_when_what_and_before_after()
    {
        var ids = await factory.DemoIdsAsync();
        var started = DateTime.UtcNow.AddSeconds(-1);
        var nanquId = await UserIdAsync(PortalClient.Users.SouthCommunity);
        var jiedaoId = await UserIdAsync(PortalClient.Users.SubDistrict);
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

        // A case: registered, then a step (accepted by nanqu as its handler).
        var caseId = await RegisterAsync(nanqu, await IntakeAsync(factory, "审计覆盖测试案件"));
        await AssertAuditedAsync("Case", caseId, "Added", nanquId, "Title", null, "审计覆盖测试案件");
        await DoAsync(nanqu, caseId, "Accept", new() { ["handlerUserId"] = nanquId });
        await AssertAuditedAsync("Case", caseId, "Modified", nanquId, "Status", "Registered", "Accepted");

        // An agreement term: added, then fulfilled.
        await DoAsync(nanqu, caseId, "AddParty", new() { ["kind"] = "MemberUnit", ["memberUnitId"] = $"{ids.EngineeringUnit}", ["role"] = "ResponsibleUnit" });
        await DoAsync(nanqu, caseId, "StartMediation");
        var party = await factory.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, caseId, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Repair", ["description"] = "审计覆盖：更换路灯", ["dueDate"] = ChinaToday(10) });
        var term = await factory.WithDbAsync(db => db.Set<AgreementTerm>().Where(t => t.CaseId == caseId).Select(t => t.Id).SingleAsync());
        await AssertAuditedAsync("AgreementTerm", term, "Added", nanquId, "Description", null, "审计覆盖：更换路灯");
        await DoAsync(nanqu, caseId, "Resolve", new() { ["agreementReached"] = "true", ["note"] = "达成协议" });
        await DoAsync(nanqu, caseId, "MarkTermFulfilled", new() { ["termId"] = $"{term}", ["fulfilledOn"] = ChinaToday(), ["proofNote"] = "现场确认" });
        await AssertAuditedAsync("AgreementTerm", term, "Modified", nanquId, "ProofNote", null, "现场确认");

        // An activity: scheduled, then edited.
        var activity = await ScheduleAsync(nanqu, await ServiceDayAsync(factory, 60, "审计覆盖活动"));
        await AssertAuditedAsync("Activity", activity, "Added", nanquId, "Title", null, "审计覆盖活动");
        var edit = FormValues.Read(await nanqu.GetDocumentAsync($"/Activities/Edit/{activity}"));
        var form = await ServiceDayAsync(factory, 60, "审计覆盖活动（改）");
        form["Input.Version"] = edit["Input.Version"];
        using (var saved = await nanqu.PostFormAsync($"/Activities/Edit/{activity}", $"/Activities/Edit/{activity}", form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await AssertAuditedAsync("Activity", activity, "Modified", nanquId, "Title", "审计覆盖活动", "审计覆盖活动（改）");

        // An account: created, then locked.
        using (var created = await jiedao.PostFormAsync("/Accounts/Create", "/Accounts/Create", new()
        {
            ["UserName"] = "t-audit-cover", ["DisplayName"] = "审计覆盖账号", ["Role"] = nameof(PortalRole.CommunityCommittee),
            ["CommunityId"] = $"{ids.SouthCommunity}", ["MemberUnitId"] = "", ["Password"] = "audit-cover-77",
        }))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var account = await UserIdAsync("t-audit-cover");
        await AssertAuditedAsync("AppUser", account, "Created", jiedaoId, "DisplayName", null, "审计覆盖账号");
        using (var locked = await jiedao.PostFormAsync($"/Accounts/Lock/{account}", $"/Accounts/Details/{account}", []))
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var lockRow = await AssertAuditedAsync("AppUser", account, "Locked", jiedaoId, "LockoutEnd", null, null);
        Assert.NotEqual(JsonValueKind.Null, lockRow.GetProperty("LockoutEnd")[1].ValueKind);

        // A pairing: created, then ended.
        var transport = await factory.WithDbAsync(db => db.MemberUnits.Where(u => u.Name == "德兴铜矿运输部").Select(u => u.Id).SingleAsync());
        var pairingForm = FormValues.Read(await jiedao.GetDocumentAsync($"/Pairings/Create?communityId={ids.SouthCommunity}"));
        pairingForm["MemberUnitId"] = $"{transport}";
        pairingForm["StartDate"] = "2026-02-01";
        pairingForm["Note"] = "审计覆盖结对";
        using (var paired = await jiedao.PostFormAsync("/Pairings/Create", "/Pairings", pairingForm))
            Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        var pairing = await factory.WithDbAsync(db => db.Pairings.Where(p => p.MemberUnitId == transport && p.CommunityId == ids.SouthCommunity && p.EndDate == null).Select(p => p.Id).SingleAsync());
        await AssertAuditedAsync("Pairing", pairing, "Added", jiedaoId, "Note", null, "审计覆盖结对");
        var endForm = FormValues.Read(await jiedao.GetDocumentAsync($"/Pairings/End/{pairing}"));
        endForm["EndReason"] = "审计覆盖：结束";
        using (var ended = await jiedao.PostFormAsync($"/Pairings/End/{pairing}", "/Pairings", endForm))
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        await AssertAuditedAsync("Pairing", pairing, "Modified", jiedaoId, "EndReason", null, "审计覆盖：结束");

        // A check-in at the desk, then the check-out: an activity under way and a confirmed 南区 member (made in the database).
        var (running, member) = await factory.WithDbAsync(async db =>
        {
            var kind = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
            var startUtc = DateTime.UtcNow.AddHours(-1);
            var details = new ActivityDetails(ids.SouthCommunity, null, ActivityKind.StreamActivity, ActivityStream.Volunteering, "审计覆盖志愿服务", "南区广场",
                startUtc, startUtc.AddHours(3), ActivityOrganiser.CommunityCommittee, null, null, [new PlannedService(kind, 2)], []);
            var scheduled = Activity.Schedule(details, startUtc.AddDays(-1));
            var volunteer = PartyMember.Register(new PartyMemberDetails("审计覆盖党员", "13707930999", ids.EngineeringUnit, null, null, ids.SouthCommunity, null, null, new DateOnly(2026, 1, 1)));
            volunteer.Confirm(DateTime.UtcNow);
            db.AddRange(scheduled, volunteer);
            await db.SaveChangesAsync();
            return (scheduled.Id, volunteer.Id);
        });
        using (var desk = await nanqu.PostFormAsync($"/Volunteers/Desk/{running}", $"/Volunteers/Activity/{running}", new() { ["partyMemberId"] = $"{member}", ["checkOut"] = "false" }))
            Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        var checkIn = await factory.WithDbAsync(db => db.CheckIns.Where(c => c.ActivityId == running && c.PartyMemberId == member).Select(c => c.Id).SingleAsync());
        await AssertAuditedAsync("CheckIn", checkIn, "Added", nanquId, "PartyMemberId", null, $"{member}");
        using (var desk = await nanqu.PostFormAsync($"/Volunteers/Desk/{running}", $"/Volunteers/Activity/{running}", new() { ["partyMemberId"] = $"{member}", ["checkOut"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        await AssertAuditedAsync("CheckIn", checkIn, "Modified", nanquId, "CheckedOutAtUtc", null, null);

        // Every row of this test is stamped within it and belongs to the demo's sub-district.
        var rows = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.AtUtc >= started && a.UserId != null && a.EntityType != "SignIn").ToListAsync());
        Assert.All(rows, r => Assert.InRange(r.AtUtc, started, DateTime.UtcNow.AddSeconds(1)));
        Assert.All(rows, r => Assert.Equal(ids.SubDistrict, r.SubDistrictId));
    }

    private Task<string> UserIdAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<JsonElement> AssertAuditedAsync(string entityType, int id, string action, string userId, string field, string? before, string? after) =>
        AssertAuditedAsync(entityType, id.ToString(CultureInfo.InvariantCulture), action, userId, field, before, after);

    /// <summary>
    /// The newest row of the record with that action names the actor and holds the field as [before, after];
    /// <paramref name="after"/> null only checks that the field changed.
    /// </summary>
    private async Task<JsonElement> AssertAuditedAsync(string entityType, string id, string action, string userId, string field, string? before, string? after)
    {
        var row = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == id && a.Action == action)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync());
        Assert.True(row is not null, $"No {action} audit row for {entityType} {id}");
        Assert.Equal(userId, row.UserId);
        Assert.InRange(row.AtUtc, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddSeconds(1));
        var changes = JsonDocument.Parse(row.Changes).RootElement.Clone();
        Assert.True(changes.TryGetProperty(field, out var pair), $"{entityType} {action} row lacks {field}: {row.Changes}");
        Assert.Equal(2, pair.GetArrayLength());
        Assert.Equal(before, pair[0].ValueKind == JsonValueKind.Null ? null : pair[0].ToString());
        if (after is not null) Assert.Equal(after, pair[1].ToString());
        Assert.NotEqual(pair[0].ToString(), pair[1].ToString());
        return changes;
    }
}
