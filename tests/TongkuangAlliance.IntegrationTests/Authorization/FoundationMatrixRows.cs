using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>Sign-in, language, errors, home and communities.</summary>
public sealed class FoundationMatrixRows : IMatrixRows
{
    private const Outcome Ok = Outcome.Ok, SignIn = Outcome.SignIn, Forbidden = Outcome.Forbidden, NotFound = Outcome.NotFound;

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Account", "SignIn", _ => "/Account/SignIn", All(Ok, anonymous: Ok)),
        // An empty form re-displays with errors: nobody is signed in or out by the matrix.
        new("POST", "Account", "SignIn", _ => "/Account/SignIn", All(Ok, anonymous: Ok), _ => new() { ["UserName"] = "", ["Password"] = "" }),
        new("GET", "Account", "AccessDenied", _ => "/Account/AccessDenied", All(Forbidden, anonymous: Forbidden)),
        // Signing out runs on a separate client so that the cached personas stay signed in.
        new("POST", "Account", "SignOut", _ => "/Account/SignOut", All(SignIn), FreshClient: true),
        new("POST", "Culture", "Set", _ => "/Culture/Set", All(Ok, anonymous: Ok), _ => new() { ["culture"] = "zh-CN", ["returnUrl"] = "/" }),
        new("GET", "Error", "Index", _ => "/Error/404", All(NotFound, anonymous: NotFound)),
        new("POST", "Error", "Index", _ => "/Error/404", All(NotFound, anonymous: NotFound)),
        new("GET", "Home", "Index", _ => "/", All(Ok)),

        new("GET", "Communities", "Index", _ => "/Communities", Staff(Ok)),
        new("GET", "Communities", "Details", ids => $"/Communities/Details/{ids.SouthCommunity}",
            Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Ok, Ok, Forbidden, Forbidden)),
        new("GET", "Communities", "Create", _ => "/Communities/Create", SubDistrictOnly()),
        new("POST", "Communities", "Create", _ => "/Communities/Create", SubDistrictOnly(), _ => new() { ["Name"] = "" }),
        new("GET", "Communities", "Edit", ids => $"/Communities/Edit/{ids.SouthCommunity}",
            Expect(SignIn, Ok, Ok, NotFound, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "Communities", "Edit", ids => $"/Communities/Edit/{ids.SouthCommunity}",
            Expect(SignIn, Ok, Ok, NotFound, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden), _ => new() { ["Name"] = "" }),
    ];
}
