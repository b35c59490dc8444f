using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TongkuangAlliance.Core.Common;

namespace TongkuangAlliance.Web.Features.Shared;

public static class ControllerExtensions
{
    /// <summary>A broken domain rule becomes a model error in the user's language, next to its field when it has one.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException error, IStringLocalizer l, string? fieldPrefix = null)
    {
        var key = error.Field is null ? string.Empty : fieldPrefix is null ? error.Field : $"{fieldPrefix}.{error.Field}";
        modelState.AddModelError(key, l[error.MessageKey]);
    }
}
