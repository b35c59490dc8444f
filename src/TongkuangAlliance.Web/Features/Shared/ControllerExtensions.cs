using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TongkuangAlliance.Web.Features.Shared;

public static class ControllerExtensions
{
    /// <summary>The ViewData key read by the _ConcurrencyConflict partial.</summary>
    public const string ConflictKey = "Conflict";

    /// <summary>
    /// A save was refused because someone else changed the record: the form says so and shows the record as it
    /// is now (field label → current value), while what the user typed stays in the form.
    /// </summary>
    public static void ShowConcurrencyConflict(this Controller controller, IStringLocalizer l, IDictionary<string, string?> current)
    {
        controller.ModelState.AddModelError(string.Empty, l["Concurrency.Conflict"]);
        controller.ViewData[ConflictKey] = current;
    }

    /// <summary>A broken domain rule becomes a model error in the user's language, next to its field when it has one.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException error, IStringLocalizer l, string? fieldPrefix = null)
    {
        var key = error.Field is null ? string.Empty : fieldPrefix is null ? error.Field : $"{fieldPrefix}.{error.Field}";
        modelState.AddModelError(key, l[error.MessageKey]);
    }

    /// <summary>
    /// Saves, unless a unique index refuses the save: two people submitted the same name at once, both passed the
    /// form's own check, and this save came second. Then nothing is written, <paramref name="field"/> gets
    /// <paramref name="message"/> (the check's own message, so the user sees no difference) and the answer is
    /// false. Any other failure, a concurrency conflict included, is thrown as before.
    /// </summary>
    public static async Task<bool> SaveUnlessTakenAsync(this DbContext db, ModelStateDictionary modelState, string field, string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            modelState.AddModelError(field, message);
            return false;
        }
    }
}
