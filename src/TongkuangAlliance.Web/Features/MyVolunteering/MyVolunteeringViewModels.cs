using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Features.MyVolunteering;

public sealed record MySignUpRow(int Id, int ActivityId, string Title, DateTime StartUtc, DateTime EndUtc, string Service, SignUpStatus Status, int WaitlistPosition);

public sealed record OpenServiceRow(int Id, string Name, int Needed, int Taken);

public sealed record OpenActivityRow(int Id, string Title, string Place, DateTime StartUtc, DateTime EndUtc, IReadOnlyList<OpenServiceRow> Services);

public sealed record MyCheckInRow(string Title, string Community, DateTime CheckedInAtUtc, DateTime? CheckedOutAtUtc, int? Minutes, CheckInSource Source);

public sealed class MyVolunteeringViewModel
{
    public required string Name { get; init; }
    public required string Community { get; init; }
    public bool CanVolunteer { get; init; }
    public required IReadOnlyList<MySignUpRow> SignUps { get; init; }
    public required IReadOnlyList<OpenActivityRow> Open { get; init; }
    public required IReadOnlyList<MyCheckInRow> CheckIns { get; init; }
    public int TotalMinutes { get; init; }
    public int HalfYearMinutes { get; init; }
}

public sealed class ScanViewModel
{
    public required string Code { get; init; }
    public string? Name { get; init; }
    public string? ActivityTitle { get; init; }
    public string? Place { get; init; }
    public string? Community { get; init; }
    public DateTime StartUtc { get; init; }
    public DateTime EndUtc { get; init; }
    public DateTime? CheckedInAtUtc { get; init; }
    public DateTime? CheckedOutAtUtc { get; init; }
    public int? Minutes { get; init; }
    public string? Error { get; init; }
}
