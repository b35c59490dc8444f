namespace TongkuangAlliance.UnitTests.Structure;

public sealed class StructureRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static MemberUnit Unit(int subDistrict = 1) => new() { Id = 3, SubDistrictId = subDistrict, Name = "工程部", PartyOrganisationName = "工程部党支部" };
    private static Community Community(int subDistrict = 1) => new() { Id = 4, SubDistrictId = subDistrict, Name = "南区社区", PartyCommitteeName = "南区社区党委" };

    [Fact]
    public void A_pairing_starts_active()
    {
        var pairing = Pairing.Start(Unit(), Community(), new DateOnly(2019, 11, 15), alreadyActivelyPaired: false, "note");
        Assert.Equal(PairingStatus.Active, pairing.Status);
        Assert.Equal((3, 4), (pairing.MemberUnitId, pairing.CommunityId));
    }

    [Fact]
    public void A_unit_cannot_be_paired_twice_with_the_same_community_at_once()
    {
        var error = Assert.Throws<DomainException>(() => Pairing.Start(Unit(), Community(), Today, alreadyActivelyPaired: true, null));
        Assert.Equal("Pairing.AlreadyActive", error.MessageKey);
    }

    [Fact]
    public void A_unit_and_a_community_of_different_sub_districts_cannot_pair()
    {
        var error = Assert.Throws<DomainException>(() => Pairing.Start(Unit(1), Community(2), Today, false, null));
        Assert.Equal("Pairing.DifferentSubDistrict", error.MessageKey);
    }

    [Fact]
    public void Ending_a_pairing_keeps_it_with_its_date_and_reason()
    {
        var pairing = Pairing.Start(Unit(), Community(), new DateOnly(2020, 1, 1), false, null);
        pairing.End(new DateOnly(2025, 6, 30), "  调整结对  ", Today);
        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Equal(new DateOnly(2025, 6, 30), pairing.EndDate);
        Assert.Equal("调整结对", pairing.EndReason);
    }

    [Theory]
    [InlineData(2019, 12, 31, "reason", "Pairing.EndBeforeStart")]
    [InlineData(2026, 11, 26, "reason", "Pairing.EndInFuture")]
    [InlineData(2025, 1, 1, " ", "Validation.ReasonRequired")]
    public void A_pairing_cannot_end_before_it_started_in_the_future_or_without_a_reason(int y, int m, int d, string reason, string expectedKey)
    {
        var pairing = Pairing.Start(Unit(), Community(), new DateOnly(2020, 1, 1), false, null);
        var error = Assert.Throws<DomainException>(() => pairing.End(new DateOnly(y, m, d), reason, Today));
        Assert.Equal(expectedKey, error.MessageKey);
        Assert.Equal(PairingStatus.Active, pairing.Status);
    }

    [Fact]
    public void An_ended_pairing_cannot_end_again()
    {
        var pairing = Pairing.Start(Unit(), Community(), new DateOnly(2020, 1, 1), false, null);
        pairing.End(new DateOnly(2025, 1, 1), "first", Today);
        var error = Assert.Throws<DomainException>(() => pairing.End(new DateOnly(2025, 2, 1), "second", Today));
        Assert.Equal("Pairing.AlreadyEnded", error.MessageKey);
        Assert.Equal("first", pairing.EndReason);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("", "  ", false)]
    [InlineData("王建国", "13907931234", true)]
    [InlineData("王建国", "0793-7512001", true)]
    public void A_chief_is_a_named_person_with_a_phone_or_the_post_is_vacant(string? name, string? phone, bool hasChief)
    {
        Assert.Equal(hasChief, Contact.FromInput(name, phone) is not null);
    }

    [Theory]
    [InlineData("王建国", null, "Validation.Contact.PhoneRequired")]
    [InlineData(null, "13907931234", "Validation.Contact.NameRequired")]
    [InlineData("王建国", "12345", "Validation.Phone")]
    [InlineData("王建国", "23907931234", "Validation.Phone")]
    public void Half_a_contact_or_a_bad_phone_is_refused(string? name, string? phone, string expectedKey)
    {
        var error = Assert.Throws<DomainException>(() => Contact.FromInput(name, phone));
        Assert.Equal(expectedKey, error.MessageKey);
    }

    [Theory]
    [InlineData("13907931234", "139****1234")]
    [InlineData("0793-7512001", "079*****2001")]
    [InlineData("", "")]
    public void Phones_are_masked_in_lists(string phone, string masked) => Assert.Equal(masked, ChinesePhone.Mask(phone));

    [Fact]
    public void A_building_cannot_join_a_grid_of_another_community()
    {
        var compound = new Compound { CommunityId = 1, Name = "建安小区" };
        Building.EnsureSameCommunity(compound, new Grid { CommunityId = 1, Name = "第1网格" });
        var error = Assert.Throws<DomainException>(() => Building.EnsureSameCommunity(compound, new Grid { CommunityId = 2, Name = "第1网格" }));
        Assert.Equal("Building.GridOutsideCommunity", error.MessageKey);
    }

    [Theory]
    [InlineData(PortalRole.CommunityCommittee, null, 5, "Account.CommunityRequired")]
    [InlineData(PortalRole.PairedUnit, 5, null, "Account.MemberUnitRequired")]
    public void An_account_cannot_hold_a_role_without_its_scope(PortalRole role, int? community, int? unit, string expectedKey)
    {
        var user = new AppUser { UserName = "x", DisplayName = "x" };
        var error = Assert.Throws<DomainException>(() => user.AssignScope(role, 1, community, unit));
        Assert.Equal(expectedKey, error.MessageKey);
    }

    [Fact]
    public void Assigning_a_role_clears_the_scope_of_the_previous_role()
    {
        var user = new AppUser { UserName = "x", DisplayName = "x" };
        user.AssignScope(PortalRole.CommunityCommittee, 1, 4, null);
        user.AssignScope(PortalRole.PairedUnit, 1, 4, 9);
        Assert.Equal((PortalRole.PairedUnit, (int?)null, (int?)9), (user.Role, user.CommunityId, user.MemberUnitId));
    }

    [Fact]
    public void China_time_is_utc_plus_eight_all_year()
    {
        Assert.Equal(new DateTime(2026, 1, 1, 8, 0, 0), ChinaTime.FromUtc(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 7, 1, 7, 30, 0), ChinaTime.FromUtc(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc), ChinaTime.ToUtc(new DateTime(2026, 7, 1, 7, 30, 0)));
    }
}
