using Microsoft.AspNetCore.Mvc.ModelBinding;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Grids;

public enum StructureSaveResult
{
    Saved,
    Conflict,
    NameTaken,
}

/// <summary>What the grid, compound and building forms do alike: chief posts, saving with a concurrency check, conflicts.</summary>
public static class StructureForms
{
    public static bool IsFieldValid(this ModelStateDictionary modelState, string key) =>
        modelState.GetFieldValidationState(key) != ModelValidationState.Invalid;

    /// <summary>The chief post from the form: a contact, or null for vacant. Half-filled posts become field errors.</summary>
    public static Contact? ReadChief(this ModelStateDictionary modelState, ContactInput input, IStringLocalizer l)
    {
        const string prefix = nameof(GridInput.Chief);
        if (!modelState.IsFieldValid($"{prefix}.{nameof(ContactInput.Name)}") || !modelState.IsFieldValid($"{prefix}.{nameof(ContactInput.Phone)}")) return null;
        try
        {
            return Contact.FromInput(input.Name, input.Phone);
        }
        catch (DomainException error)
        {
            modelState.AddDomainError(error, l, prefix);
            return null;
        }
    }

    public static bool SameContact(Contact? a, Contact? b) =>
        a is null ? b is null : b is not null && a.Name == b.Name && a.Phone == b.Phone;

    /// <summary>
    /// Saves unless the record changed since the form was opened (checked against the loaded token first, and by
    /// the database's concurrency check for a change that lands in between: <see cref="StructureSaveResult.Conflict"/>),
    /// or unless the name's unique index refuses it because someone saved the same name since the form's check
    /// (<see cref="StructureSaveResult.NameTaken"/>, with <paramref name="nameTaken"/> on the name field).
    /// </summary>
    public static async Task<StructureSaveResult> TrySaveAsync(this AppDbContext db, AuditableEntity entity, Guid formVersion,
        ModelStateDictionary modelState, string nameTaken, CancellationToken cancellationToken)
    {
        if (entity.Version != formVersion) return StructureSaveResult.Conflict;
        try
        {
            return await db.SaveUnlessTakenAsync(modelState, nameof(GridInput.Name), nameTaken, cancellationToken)
                ? StructureSaveResult.Saved : StructureSaveResult.NameTaken;
        }
        catch (DbUpdateConcurrencyException)
        {
            return StructureSaveResult.Conflict;
        }
    }

    /// <summary>Shows what the record holds now, and lets the form post again with the current version.</summary>
    public static void ShowConflict(this Controller controller, IStringLocalizer l, Dictionary<string, string?> current)
    {
        controller.ShowConcurrencyConflict(l, current);
        controller.ModelState.Remove(nameof(GridInput.Version));
    }

    /// <summary>The query-string values a form posts back with: the record's id on edit, its parent's on create.</summary>
    public static Dictionary<string, string> RouteFor(int? id, string parentKey, int parentId) => id is { } value
        ? new() { ["id"] = value.ToString(CultureInfo.InvariantCulture) }
        : new() { [parentKey] = parentId.ToString(CultureInfo.InvariantCulture) };
}
