namespace TongkuangAlliance.UnitTests.Structure;

/// <summary>
/// What the database itself refuses, on SQLite created by the real migrations: a second active pairing of one
/// unit and one community (the filtered unique index <see cref="TongkuangAlliance.Core.Data.Configurations.PairingConfiguration.ActivePairingIndex"/>), and how
/// <see cref="UniqueViolation.IsUniqueViolation"/> tells a unique index's refusal from other failed saves.
/// </summary>
public sealed class UniqueIndexTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly int _subDistrict, _community, _otherCommunity, _unit;

    public UniqueIndexTests()
    {
        using var db = _database.CreateContext();
        var subDistrict = new SubDistrict { Name = "S", City = "C" };
        db.SubDistricts.Add(subDistrict);
        db.SaveChanges();
        var community = new Community { SubDistrictId = subDistrict.Id, Name = "A", PartyCommitteeName = "A committee" };
        var other = new Community { SubDistrictId = subDistrict.Id, Name = "B", PartyCommitteeName = "B committee" };
        var unit = new MemberUnit { SubDistrictId = subDistrict.Id, Name = "X", PartyOrganisationName = "X branch" };
        db.AddRange(community, other, unit);
        db.SaveChanges();
        (_subDistrict, _community, _otherCommunity, _unit) = (subDistrict.Id, community.Id, other.Id, unit.Id);
    }

    private Pairing Active(int community, int year) => new() { MemberUnitId = _unit, CommunityId = community, StartDate = new DateOnly(year, 1, 1) };

    private Pairing Ended(int community, int year)
    {
        var pairing = Active(community, year);
        pairing.End(new DateOnly(year, 12, 31), "ended", new DateOnly(2026, 1, 1));
        return pairing;
    }

    private DbUpdateException SaveFails(params object[] entities)
    {
        using var db = _database.CreateContext();
        db.AddRange(entities);
        return Assert.Throws<DbUpdateException>(() => db.SaveChanges());
    }

    [Fact]
    public void The_database_refuses_a_second_active_pairing_of_the_same_unit_and_community()
    {
        using (var db = _database.CreateContext())
        {
            db.Pairings.Add(Active(_community, 2020));
            db.SaveChanges();
        }

        var refused = SaveFails(Active(_community, 2024));

        Assert.True(refused.IsUniqueViolation(), refused.InnerException?.Message);
        using var check = _database.CreateContext();
        Assert.Equal(1, check.Pairings.Count(p => p.MemberUnitId == _unit && p.CommunityId == _community));
    }

    [Fact]
    public void Ended_pairings_do_not_count_a_unit_may_pair_again_and_with_other_communities()
    {
        using var db = _database.CreateContext();
        db.Pairings.AddRange(Ended(_community, 2019), Ended(_community, 2020), Active(_community, 2021), Active(_otherCommunity, 2021));
        db.SaveChanges();

        Assert.Equal(4, db.Pairings.Count());
    }

    [Fact]
    public void A_duplicate_name_is_a_unique_violation_but_a_missing_parent_is_not()
    {
        var duplicate = SaveFails(new Community { SubDistrictId = _subDistrict, Name = "A", PartyCommitteeName = "another committee" });
        Assert.True(duplicate.IsUniqueViolation(), duplicate.InnerException?.Message);

        // SQLite's primary code 19 (constraint) again, but a foreign key's (787), not a unique index's (2067).
        var orphan = SaveFails(new Community { SubDistrictId = 999_999, Name = "Orphan", PartyCommitteeName = "orphan committee" });
        Assert.False(orphan.IsUniqueViolation(), orphan.InnerException?.Message);
    }

    public void Dispose() => _database.Dispose();
}
