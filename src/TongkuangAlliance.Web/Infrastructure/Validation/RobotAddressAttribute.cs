using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Validation;

/// <summary>
/// A group robot's webhook as entered (issue 17): empty, or an https address of a WeChat Work (企业微信) or DingTalk
/// (钉钉) group robot (<see cref="RobotAddress"/>); anything else gets the localized <c>Validation.RobotAddress</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class RobotAddressAttribute : ValidationAttribute
{
    public RobotAddressAttribute()
    {
        ErrorMessage = "Validation.RobotAddress";
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string s when string.IsNullOrWhiteSpace(s) => true,
        string s => RobotAddress.IsValid(s.Trim()),
        _ => false,
    };

    /// <summary>The message in the request's language (as <see cref="DateInRangeAttribute"/> does: no adapter of its own).</summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value)) return ValidationResult.Success;
        var l = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        var message = l?[ErrorMessageString, validationContext.DisplayName].Value ?? FormatErrorMessage(validationContext.DisplayName);
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
