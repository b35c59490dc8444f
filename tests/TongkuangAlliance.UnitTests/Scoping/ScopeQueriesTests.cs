namespace TongkuangAlliance.UnitTests.Scoping;

/// <summary>
/// The scope rules of DESIGN.md §3 on a small alliance: two sub-districts; in the first, communities A and B,
/// unit X paired with A (active), unit Y paired with B (ended) and with A (active).
/// </summary>
public sealed class ScopeQueriesTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly int _subDistrict, _otherSubDistrict, _a, _b, _x, _y, _z;

    public ScopeQueriesTests()
    {
        using var db = _database.CreateContext();
        var s1 = new SubDistrict { Name = "S1", City = "C" };
        var s2 = new SubDistrict { Name = "S2", City = "C" };
        db.AddRange(s1, s2);
        db.SaveChanges();
        var a = NewCommunity(s1, "A");
        var b = NewCommunity(s1, "B");
        var other = NewCommunity(s2, "O");
        var x = new MemberUnit { SubDistrictId = s1.Id, Name = "X", PartyOrganisationName = "X branch" };
        var y = new MemberUnit { SubDistrictId = s1.Id, Name = "Y", PartyOrganisationName = "Y branch" };
        var z = new MemberUnit { SubDistrictId = s2.Id, Name = "Z", PartyOrganisationName = "Z branch" };
        db.AddRange(a, b, other, x, y, z);
        db.SaveChanges();

        var gridA = new Grid { CommunityId = a.Id, Name = "A1" };
        var gridB = new Grid { CommunityId = b.Id, Name = "B1" };
        var compoundA = new Compound { CommunityId = a.Id, Name = "A-compound" };
        var compoundB = new Compound { CommunityId = b.Id, Name = "B-compound" };
        db.AddRange(gridA, gridB, compoundA, compoundB);
        db.SaveChanges();
        db.AddRange(
            new Building { CompoundId = compoundA.Id, GridId = gridA.Id, Name = "1" },
            new Building { CompoundId = compoundB.Id, GridId = gridB.Id, Name = "1" });

        var today = new DateOnly(2026, 11, 25);
        db.Pairings.Add(Pairing.Start(x, a, new DateOnly(2020, 1, 1), false, null));
        var ended = Pairing.Start(y, b, new DateOnly(2020, 1, 1), false, null);
        ended.End(new DateOnly(2025, 1, 1), "moved", today);
        db.Pairings.Add(ended);
        db.Pairings.Add(Pairing.Start(y, a, new DateOnly(2025, 1, 2), false, null));
        db.SaveChanges();

        (_subDistrict, _otherSubDistrict, _a, _b, _x, _y, _z) = (s1.Id, s2.Id, a.Id, b.Id, x.Id, y.Id, z.Id);
    }

    private static Community NewCommunity(SubDistrict s, string name) => new() { SubDistrictId = s.Id, Name = name, PartyCommitteeName = name + " committee" };

    private UserScope SubDistrictScope => new(PortalRole.SubDistrictCommittee, _subDistrict, null, null);
    private UserScope CommunityA => new(PortalRole.CommunityCommittee, _subDistrict, _a, null);
    private UserScope UnitX => new(PortalRole.PairedUnit, _subDistrict, null, _x);
    private UserScope UnitY => new(PortalRole.PairedUnit, _subDistrict, null, _y);

    private List<string> CommunityNames(UserScope scope)
    {
        using var db = _database.CreateContext();
        return db.Communities.VisibleTo(scope).OrderBy(c => c.Name).Select(c => c.Name).ToList();
    }

    [Fact]
    public void Sub_district_committee_sees_the_communities_of_its_own_sub_district_only()
    {
        Assert.Equal(["A", "B"], CommunityNames(SubDistrictScope));
        Assert.Equal(["O"], CommunityNames(new UserScope(PortalRole.SubDistrictCommittee, _otherSubDistrict, null, null)));
    }

    [Fact]
    public void Community_committee_sees_only_its_community_and_what_belongs_to_it()
    {
        Assert.Equal(["A"], CommunityNames(CommunityA));
        using var db = _database.CreateContext();
        Assert.Equal(["A1"], db.Grids.VisibleTo(CommunityA).Select(g => g.Name).ToList());
        Assert.Equal(["A-compound"], db.Compounds.VisibleTo(CommunityA).Select(c => c.Name).ToList());
        Assert.Equal([_a], db.Buildings.VisibleTo(CommunityA).Select(b => b.Grid!.CommunityId).ToList());
    }

    [Fact]
    public void Paired_unit_sees_the_communities_it_is_actively_paired_with_but_not_those_of_ended_pairings()
    {
        Assert.Equal(["A"], CommunityNames(UnitX));
        Assert.Equal(["A"], CommunityNames(UnitY));
    }

    [Fact]
    public void Paired_unit_sees_only_itself_among_units_and_all_its_own_pairings_including_ended_ones()
    {
        using var db = _database.CreateContext();
        Assert.Equal(["Y"], db.MemberUnits.VisibleTo(UnitY).Select(u => u.Name).ToList());
        Assert.Equal(2, db.Pairings.VisibleTo(UnitY).Count());
        Assert.Equal(1, db.Pairings.VisibleTo(UnitX).Count());
    }

    [Fact]
    public void Community_committee_sees_units_paired_with_it_now_or_before_and_not_others()
    {
        using var db = _database.CreateContext();
        Assert.Equal(["X", "Y"], db.MemberUnits.VisibleTo(CommunityA).OrderBy(u => u.Name).Select(u => u.Name).ToList());
        var communityB = new UserScope(PortalRole.CommunityCommittee, _subDistrict, _b, null);
        Assert.Equal(["Y"], db.MemberUnits.VisibleTo(communityB).Select(u => u.Name).ToList());
        Assert.DoesNotContain(_z, db.MemberUnits.VisibleTo(SubDistrictScope).Select(u => u.Id).ToList());
    }

    [Fact]
    public void Only_the_sub_district_committee_sees_accounts()
    {
        using var db = _database.CreateContext();
        var user = new AppUser { UserName = "someone", DisplayName = "Someone" };
        user.AssignScope(PortalRole.CommunityCommittee, _subDistrict, _a, null);
        db.Users.Add(user);
        db.SaveChanges();

        Assert.Equal(1, db.Users.VisibleTo(SubDistrictScope).Count());
        Assert.Equal(0, db.Users.VisibleTo(CommunityA).Count());
        Assert.Equal(0, db.Users.VisibleTo(UnitX).Count());
        Assert.Equal(0, db.Users.VisibleTo(new UserScope(PortalRole.SubDistrictCommittee, _otherSubDistrict, null, null)).Count());
    }

    [Fact]
    public void Only_the_sub_district_committee_reads_the_audit_and_only_its_own_sub_districts_rows()
    {
        using var db = _database.CreateContext();
        db.AuditEntries.AddRange(
            new AuditEntry { EntityType = "T", EntityId = "own", Action = "Added", Changes = "{}", SubDistrictId = _subDistrict },
            new AuditEntry { EntityType = "T", EntityId = "other", Action = "Added", Changes = "{}", SubDistrictId = _otherSubDistrict },
            new AuditEntry { EntityType = "T", EntityId = "none", Action = "Added", Changes = "{}", SubDistrictId = null });
        db.SaveChanges();

        List<string> Rows(UserScope scope) => db.AuditEntries.VisibleTo(scope).Where(a => a.EntityType == "T").Select(a => a.EntityId).ToList();
        Assert.Equal(["own"], Rows(SubDistrictScope));
        Assert.Equal(["other"], Rows(new UserScope(PortalRole.SubDistrictCommittee, _otherSubDistrict, null, null)));
        Assert.Empty(Rows(CommunityA));
        Assert.Empty(Rows(UnitX));
    }

    [Fact]
    public void A_community_scope_without_a_community_sees_nothing()
    {
        Assert.Empty(CommunityNames(new UserScope(PortalRole.CommunityCommittee, _subDistrict, null, null)));
        Assert.Empty(CommunityNames(new UserScope(PortalRole.PairedUnit, _subDistrict, null, null)));
    }

    public void Dispose() => _database.Dispose();
}
