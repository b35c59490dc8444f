namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// Who makes the request. "In" personas are scoped to 南区社区 (and its paired 铜矿工程部); "Out" ones are not.
/// GridIn is the grid worker of 南区 第1网格 (wangge-nanqu1), the grid of the demo's 南区 cases used by the rows
/// (DemoIds.SouthCase, StoryCase); GridOut the grid worker of 南区 第2网格 (wangge-nanqu2): same community, other
/// grid — the strongest test, since only grid-level scope (not community scope) keeps it out.
/// </summary>
public enum Persona
{
    Anonymous,
    SubDistrict,
    CommunityIn,
    CommunityOut,
    UnitIn,
    UnitOut,
    GridIn,
    GridOut,

    /// <summary>zhiyuan01: a party member living in 南区社区, employed by 铜矿工程部 (the records the rows use are theirs).</summary>
    VolunteerIn,

    /// <summary>zhiyuan02: a party member living in 北区社区.</summary>
    VolunteerOut,
}

/// <summary>
/// What the persona gets. Ok: the page, or a redirect after a successful (or re-displayed) form.
/// SignIn: sent to sign in. Forbidden: the role may not use this at all (403 / access-denied page).
/// NotFound: the record is outside the persona's scope, and the answer does not confirm it exists.
/// </summary>
public enum Outcome
{
    Ok,
    SignIn,
    Forbidden,
    NotFound,
}

/// <summary>
/// One routed action and what each persona gets from it. <see cref="Form"/> is what a POST sends
/// (with a valid antiforgery token); matrix forms are chosen not to disturb other tests' personas.
/// <see cref="FreshClient"/> runs the request on a newly signed-in client, for actions such as signing out.
/// </summary>
public sealed record MatrixRow(
    string Method,
    string Controller,
    string Action,
    Func<Infrastructure.DemoIds, string> Url,
    IReadOnlyDictionary<Persona, Outcome> Expected,
    Func<Infrastructure.DemoIds, Dictionary<string, string>>? Form = null,
    bool FreshClient = false)
{
    public override string ToString() => $"{Method} {Controller}.{Action}";

    /// <summary>Every signed-in persona (grid workers and volunteers included) gets <paramref name="signedIn"/>.</summary>
    public static Dictionary<Persona, Outcome> All(Outcome signedIn, Outcome anonymous = Outcome.SignIn) => new()
    {
        [Persona.VolunteerIn] = signedIn,
        [Persona.VolunteerOut] = signedIn,
        [Persona.Anonymous] = anonymous,
        [Persona.SubDistrict] = signedIn,
        [Persona.CommunityIn] = signedIn,
        [Persona.CommunityOut] = signedIn,
        [Persona.UnitIn] = signedIn,
        [Persona.UnitOut] = signedIn,
        [Persona.GridIn] = signedIn,
        [Persona.GridOut] = signedIn,
    };

    /// <summary>Every staff persona gets <paramref name="signedIn"/>; volunteers are refused by role (the staff-only convention).</summary>
    public static Dictionary<Persona, Outcome> Staff(Outcome signedIn)
    {
        var outcomes = All(signedIn);
        outcomes[Persona.VolunteerIn] = Outcome.Forbidden;
        outcomes[Persona.VolunteerOut] = Outcome.Forbidden;
        return outcomes;
    }

    /// <summary>
    /// One outcome per persona, in <see cref="Persona"/> order. Every persona is a required argument: a row written
    /// before a persona existed stops compiling ("no argument given that corresponds to 'gridIn'") until it says
    /// what that persona gets — the two grid outcomes (GridIn = 南区 第1网格, GridOut = 南区 第2网格), then the two
    /// volunteers (VolunteerIn = zhiyuan01 of 南区社区, VolunteerOut = zhiyuan02 of 北区社区).
    /// </summary>
    public static Dictionary<Persona, Outcome> Expect(Outcome anonymous, Outcome subDistrict, Outcome communityIn, Outcome communityOut,
        Outcome unitIn, Outcome unitOut, Outcome gridIn, Outcome gridOut, Outcome volunteerIn, Outcome volunteerOut) => new()
    {
        [Persona.VolunteerIn] = volunteerIn,
        [Persona.VolunteerOut] = volunteerOut,
        [Persona.Anonymous] = anonymous,
        [Persona.SubDistrict] = subDistrict,
        [Persona.CommunityIn] = communityIn,
        [Persona.CommunityOut] = communityOut,
        [Persona.UnitIn] = unitIn,
        [Persona.UnitOut] = unitOut,
        [Persona.GridIn] = gridIn,
        [Persona.GridOut] = gridOut,
    };

    /// <summary>Only the sub-district committee; everyone else signed in (grid workers too) is refused by role.</summary>
    public static Dictionary<Persona, Outcome> SubDistrictOnly() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden);
}

/// <summary>Each feature declares its rows in a class of its own implementing this; the matrix finds them all.</summary>
public interface IMatrixRows
{
    IEnumerable<MatrixRow> Rows();
}
