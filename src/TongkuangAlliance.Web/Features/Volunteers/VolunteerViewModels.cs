using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Volunteers;

public sealed record MemberRow(int Id, string Name, string Phone, string? Employer, string Community, string? Compound, string? Skills,
    DateOnly ReportedOn, PartyMemberStatus Status, RegistrationStatus Registration, int CheckIns, int Minutes, string? AccountUserName)
{
    public string MaskedPhone => ChinesePhone.Mask(Phone);
    public decimal Hours => Math.Round(Minutes / 60m, 1);
}

public sealed class MemberIndexViewModel
{
    public required PagedList<MemberRow> Members { get; init; }
    public string? Q { get; init; }
    public RegistrationStatus? Registration { get; init; }
    public bool CanConfirm { get; init; }
    public bool CanImport { get; init; }
}

/// <summary>The sign-in account a committee opens for a confirmed party member (role Volunteer).</summary>
public sealed class VolunteerAccountInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Validation.Required")]
    [System.ComponentModel.DataAnnotations.StringLength(FieldLengths.UserName, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.UserName")]
    public string? UserName { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Validation.Required")]
    [System.ComponentModel.DataAnnotations.StringLength(128, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.Password)]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.InitialPassword")]
    public string? Password { get; set; }
}

public sealed record ServiceOption(int Id, string Name, int VolunteersNeeded);

public sealed record SignUpRow(int Id, int ActivityServiceId, int PartyMemberId, string Name, string Phone, SignUpStatus Status)
{
    public string MaskedPhone => ChinesePhone.Mask(Phone);
}

public sealed record CheckInRow(int Id, int PartyMemberId, string Name, string Phone, DateTime CheckedInAtUtc, DateTime? CheckedOutAtUtc, int? Minutes,
    CheckInSource Source, string? CorrectionReason, Guid Version)
{
    public string MaskedPhone => ChinesePhone.Mask(Phone);
}

public sealed record DeskMemberRow(int Id, string Name, string Phone, string? Employer)
{
    public string MaskedPhone => ChinesePhone.Mask(Phone);
}

public sealed class ActivityVolunteersViewModel
{
    public int ActivityId { get; init; }
    public required string Title { get; init; }
    public required string Place { get; init; }
    public required string Community { get; init; }
    public DateTime StartUtc { get; init; }
    public DateTime EndUtc { get; init; }
    public ActivityStatus Status { get; init; }
    public required IReadOnlyList<ServiceOption> Services { get; init; }
    public required IReadOnlyList<SignUpRow> SignUps { get; init; }
    public required IReadOnlyList<CheckInRow> CheckIns { get; init; }
    public string? Q { get; init; }
    public required IReadOnlyList<DeskMemberRow> Found { get; init; }
    public bool CheckInWindowOpen { get; init; }
    public required string CheckInUrl { get; init; }
}

public sealed class CorrectionInput
{
    [DateInRange]
    public DateTime? CheckedIn { get; set; }

    [DateInRange]
    public DateTime? CheckedOut { get; set; }

    [StringLength(FieldLengths.Reason)]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

public sealed class LedgerViewModel
{
    public required string By { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }

    /// <summary>Only check-ins at this community's activities (from a community's dashboard).</summary>
    public int? CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public PagedList<VolunteerHours>? Volunteers { get; set; }
    public PagedList<GroupHours>? Groups { get; set; }
}

public sealed class IdleViewModel
{
    public required PagedList<MemberRow> Members { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
}

public sealed class CertificateViewModel
{
    public int MemberId { get; init; }
    public required string Name { get; init; }
    public string? Employer { get; init; }
    public required string Community { get; init; }
    public required string Issuer { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public int Activities { get; init; }
    public int Minutes { get; init; }
    public DateOnly IssuedOn { get; init; }
    public decimal Hours => Math.Round(Minutes / 60m, 1);
}

public sealed class ImportViewModel
{
    public IReadOnlyList<ImportRow> Rows { get; init; } = [];
    public string? Payload { get; init; }
    public string? Error { get; init; }
    public int GoodRows => Rows.Count(r => r.Errors.Count == 0);
    public int BadRows => Rows.Count(r => r.Errors.Count > 0);
}
