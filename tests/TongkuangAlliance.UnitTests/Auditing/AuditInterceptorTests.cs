using System.Text.Json;
using Moq;

namespace TongkuangAlliance.UnitTests.Auditing;

public sealed class AuditInterceptorTests : IDisposable
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EditedAt = new(2026, 11, 25, 3, 30, 0, TimeSpan.Zero);

    private readonly Mock<TimeProvider> _clock = new();
    private readonly Mock<ICurrentUser> _user = new();
    private readonly TestDatabase _database;

    public AuditInterceptorTests()
    {
        _clock.Setup(c => c.GetUtcNow()).Returns(CreatedAt);
        _user.SetupGet(u => u.UserId).Returns("user-1");
        _database = new TestDatabase(new AuditSaveChangesInterceptor(_clock.Object, _user.Object));
    }

    private int AddSubDistrict()
    {
        using var db = _database.CreateContext();
        var subDistrict = new SubDistrict { Name = "铜矿街道", City = "德兴市" };
        db.SubDistricts.Add(subDistrict);
        db.SaveChanges();
        return subDistrict.Id;
    }

    [Fact]
    public void Creating_a_record_stamps_who_and_when_and_writes_an_audit_entry_with_its_key()
    {
        var id = AddSubDistrict();

        using var db = _database.CreateContext();
        var stored = db.SubDistricts.Single(s => s.Id == id);
        Assert.Equal(CreatedAt.UtcDateTime, stored.CreatedAtUtc);
        Assert.Equal("user-1", stored.CreatedBy);
        Assert.NotEqual(Guid.Empty, stored.Version);

        var audit = db.AuditEntries.Single();
        Assert.Equal(("SubDistrict", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Added", "user-1"), (audit.EntityType, audit.EntityId, audit.Action, audit.UserId));
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(audit.Changes)!;
        Assert.Equal("铜矿街道", changes["Name"][1].GetString());
    }

    [Fact]
    public void A_signed_in_users_writes_are_audited_under_the_users_sub_district()
    {
        _user.SetupGet(u => u.SubDistrictId).Returns(42);
        var id = AddSubDistrict();

        using var db = _database.CreateContext();
        Assert.Equal(42, db.AuditEntries.Single(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubDistrictId);
    }

    [Fact]
    public void An_anonymous_write_is_audited_under_the_sub_district_of_the_written_records_community()
    {
        var subDistrict = AddSubDistrict();
        int community;
        using (var db = _database.CreateContext())
        {
            var added = new Community { SubDistrictId = subDistrict, Name = "南区社区", PartyCommitteeName = "南区社区党委" };
            db.Communities.Add(added);
            db.SaveChanges();
            community = added.Id;
        }
        _user.SetupGet(u => u.UserId).Returns((string?)null);
        using (var db = _database.CreateContext())
        {
            db.Compounds.Add(new Compound { CommunityId = community, Name = "建安小区" });
            db.SaveChanges();
        }

        using var check = _database.CreateContext();
        var row = check.AuditEntries.Single(a => a.EntityType == "Compound");
        Assert.Null(row.UserId);
        Assert.Equal(subDistrict, row.SubDistrictId);
    }

    [Fact]
    public void Editing_a_record_stamps_the_editor_renews_the_version_and_records_before_and_after()
    {
        var id = AddSubDistrict();
        Guid firstVersion;
        using (var db = _database.CreateContext()) firstVersion = db.SubDistricts.Single().Version;

        _clock.Setup(c => c.GetUtcNow()).Returns(EditedAt);
        _user.SetupGet(u => u.UserId).Returns("user-2");
        using (var db = _database.CreateContext())
        {
            db.SubDistricts.Single().City = "上饶市德兴市";
            db.SaveChanges();
        }

        using var check = _database.CreateContext();
        var stored = check.SubDistricts.Single();
        Assert.Equal((EditedAt.UtcDateTime, "user-2"), (stored.ModifiedAtUtc!.Value, stored.ModifiedBy));
        Assert.Equal("user-1", stored.CreatedBy);
        Assert.NotEqual(firstVersion, stored.Version);

        var edit = check.AuditEntries.Single(a => a.Action == "Modified");
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), edit.EntityId);
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(edit.Changes)!;
        Assert.Equal(["City"], changes.Keys);
        Assert.Equal(("德兴市", "上饶市德兴市"), (changes["City"][0].GetString(), changes["City"][1].GetString()));
    }

    [Fact]
    public void A_stale_version_is_refused_instead_of_overwriting_someone_elses_edit()
    {
        AddSubDistrict();
        using var first = _database.CreateContext();
        using var second = _database.CreateContext();
        var mine = first.SubDistricts.Single();
        var theirs = second.SubDistricts.Single();

        mine.City = "A";
        first.SaveChanges();
        theirs.City = "B";

        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
        using var check = _database.CreateContext();
        Assert.Equal("A", check.SubDistricts.Single().City);
    }

    [Fact]
    public void Records_are_never_hard_deleted()
    {
        AddSubDistrict();
        using var db = _database.CreateContext();
        db.SubDistricts.Remove(db.SubDistricts.Single());

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        using var check = _database.CreateContext();
        Assert.Equal(1, check.SubDistricts.Count());
    }

    [Fact]
    public void Saving_without_changes_writes_no_audit_entry()
    {
        AddSubDistrict();
        using var db = _database.CreateContext();
        var subDistrict = db.SubDistricts.Single();
        subDistrict.City = subDistrict.City;
        db.SaveChanges();
        Assert.Equal(1, db.AuditEntries.Count());
        _clock.Verify(c => c.GetUtcNow(), Times.AtLeast(2));
    }

    private int AddGrid(Contact? chief)
    {
        var subDistrictId = AddSubDistrict();
        using var db = _database.CreateContext();
        var community = new Community { SubDistrictId = subDistrictId, Name = "南区社区", PartyCommitteeName = "南区社区党委" };
        var grid = new Grid { Community = community, Name = "第1网格" };
        grid.AssignChief(chief);
        db.Grids.Add(grid);
        db.SaveChanges();
        return grid.Id;
    }

    [Fact]
    public void Changing_only_a_chief_renews_the_owners_version_and_is_audited()
    {
        var id = AddGrid(new Contact("王建国", "13907930001"));
        Guid before;
        using (var db = _database.CreateContext()) before = db.Grids.Single(g => g.Id == id).Version;

        using (var db = _database.CreateContext())
        {
            db.Grids.Single(g => g.Id == id).AssignChief(new Contact("李秀兰", "13907930002"));
            db.SaveChanges();
        }

        using var check = _database.CreateContext();
        Assert.NotEqual(before, check.Grids.Single(g => g.Id == id).Version);
        var audit = check.AuditEntries.Single(a => a.EntityType == "Grid" && a.Action == "Modified");
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(audit.Changes)!;
        Assert.Equal(("王建国", "李秀兰"), (changes["Chief.Name"][0].GetString(), changes["Chief.Name"][1].GetString()));
        Assert.Equal(("13907930001", "13907930002"), (changes["Chief.Phone"][0].GetString(), changes["Chief.Phone"][1].GetString()));
    }

    [Fact]
    public void Making_a_post_vacant_is_audited_with_the_old_chief()
    {
        var id = AddGrid(new Contact("王建国", "13907930001"));
        using (var db = _database.CreateContext())
        {
            db.Grids.Single(g => g.Id == id).AssignChief(null);
            db.SaveChanges();
        }

        using var check = _database.CreateContext();
        Assert.Null(check.Grids.Single(g => g.Id == id).Chief);
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(check.AuditEntries.Single(a => a.EntityType == "Grid" && a.Action == "Modified").Changes)!;
        Assert.Equal("王建国", changes["Chief.Name"][0].GetString());
        Assert.Equal(JsonValueKind.Null, changes["Chief.Name"][1].ValueKind);
    }

    [Fact]
    public void A_stale_chief_only_edit_is_refused()
    {
        var id = AddGrid(null);
        using var first = _database.CreateContext();
        using var second = _database.CreateContext();
        first.Grids.Single(g => g.Id == id).AssignChief(new Contact("王建国", "13907930001"));
        var theirs = second.Grids.Single(g => g.Id == id);
        first.SaveChanges();

        theirs.AssignChief(new Contact("李秀兰", "13907930002"));
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
        using var check = _database.CreateContext();
        Assert.Equal("王建国", check.Grids.Single(g => g.Id == id).Chief!.Name);
    }

    [Fact]
    public void An_audit_record_cannot_be_changed()
    {
        AddSubDistrict();
        using var db = _database.CreateContext();
        var audit = db.AuditEntries.Single();
        audit.Changes = "{}";

        var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        using var check = _database.CreateContext();
        Assert.NotEqual("{}", check.AuditEntries.Single().Changes);
    }

    [Fact]
    public async Task A_record_saved_with_its_new_parent_records_the_parents_real_key_not_the_temporary_one()
    {
        var subDistrict = AddSubDistrict();
        int communityId;
        await using (var db = _database.CreateContext())
        {
            var community = new Community { SubDistrictId = subDistrict, Name = "南区社区", PartyCommitteeName = "南区社区党委" };
            community.Compounds.Add(new Compound { Name = "建安小区" });
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            communityId = community.Id;
        }

        await using var check = _database.CreateContext();
        var compoundAudit = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Compound));
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(compoundAudit.Changes)!;
        Assert.Equal(communityId, changes["CommunityId"][1].GetInt32());
        Assert.Equal("建安小区", changes["Name"][1].GetString());
        var compoundId = await check.Compounds.Select(c => c.Id).SingleAsync();
        Assert.Equal(compoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), compoundAudit.EntityId);
    }

    [Fact]
    public void An_audit_record_cannot_be_deleted()
    {
        AddSubDistrict();
        using var db = _database.CreateContext();
        db.AuditEntries.Remove(db.AuditEntries.Single());

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        using var check = _database.CreateContext();
        Assert.Equal(1, check.AuditEntries.Count());
    }

    public void Dispose() => _database.Dispose();
}
