using System.ComponentModel.DataAnnotations;

namespace TongkuangAlliance.Web.Infrastructure.Validation;

/// <summary>
/// A date (<see cref="DateOnly"/>) or China time (<see cref="DateTime"/>) a person enters lies on a day in
/// <see cref="ChinaTime.EarliestDate"/>–<see cref="ChinaTime.LatestDate"/> (2000–2100). A date picker lets
/// 0001-01-01 and 9999-12-31 through: the first moved to UTC falls before <see cref="DateTime.MinValue"/> (a
/// 500), the last stores a record dated year 9999. Outside the range the field gets the localized
/// <c>Validation.DateRange</c> message and the form is shown again; nothing is saved.
/// <para>
/// On input-model properties and on action parameters alike (a case step's <c>heldAt</c>): MVC validates both
/// before the action runs. Nothing entered (null) is left to <see cref="RequiredAttribute"/>. Code that converts
/// an entered time before it looks at the model state checks <see cref="ChinaTime.IsInRange(DateTime)"/> first.
/// Date filters of lists are not entered data: they go through <c>ReportPeriod.StartUtc</c> /
/// <c>EndUtcExclusive</c>, which reach as far as a DateTime can, or are ignored outside the range.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class DateInRangeAttribute : ValidationAttribute
{
    public DateInRangeAttribute()
    {
        ErrorMessage = "Validation.DateRange";
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateOnly date => ChinaTime.IsInRange(date),
        DateTime chinaLocal => ChinaTime.IsInRange(chinaLocal),
        _ => throw new InvalidOperationException($"{nameof(DateInRangeAttribute)} is for DateOnly and DateTime values, not {value.GetType().Name}."),
    };

    /// <summary>
    /// The message in the request's language. MVC localizes the key of an attribute only through an adapter of
    /// its own; this one asks the request's services for the localizer instead.
    /// </summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value)) return ValidationResult.Success;
        var l = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        var message = l?[ErrorMessageString, validationContext.DisplayName].Value ?? FormatErrorMessage(validationContext.DisplayName);
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
