using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace TongkuangAlliance.Web.Infrastructure.Localization;

/// <summary>
/// MVC adds an implicit [Required] to every non-nullable value-type property (a Guid version, an int) with
/// its English default text. This gives those the localized "Validation.Required" key like every other.
/// </summary>
public sealed class LocalizedImplicitRequiredProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (required.ErrorMessage is null && required.ErrorMessageResourceName is null)
                required.ErrorMessage = "Validation.Required";
        }
    }
}
