using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace TongkuangAlliance.Web.Infrastructure.Localization;

/// <summary>
/// Two framework messages that the global ones (<see cref="LocalizationSetup"/>) cannot word well:
/// <list type="bullet">
/// <item>A choice from a list (an enum) that is not one of the list's values — only a tampered form sends one —
/// is answered "choose one of the listed options", not "“Bogus” is not a valid &lt;field name&gt;", which read as
/// nonsense with some field names ("“Bogus”不是有效的您要").</item>
/// <item>A required choice left out of a crafted post ([BindRequired]) is answered "请选择&lt;display name&gt;".</item>
/// <item>MVC's client-side validation gives every non-nullable value-type property (a Guid version, an int) an
/// implicit "The X field is required." in English. An explicit localized [Required] replaces it.</item>
/// </list>
/// </summary>
public sealed class LocalizedChoiceMessageProvider(ModelBindingMessageProvider global, IStringLocalizer l) : IBindingMetadataProvider, IValidationMetadataProvider
{
    public const string ChoiceKey = "Validation.InvalidChoice";

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        if (!type.IsEnum) return;
        var messages = new DefaultModelBindingMessageProvider(global is DefaultModelBindingMessageProvider d ? d : new DefaultModelBindingMessageProvider());
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => l[ChoiceKey]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l[ChoiceKey]);
        messages.SetValueIsInvalidAccessor(_ => l[ChoiceKey]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l[ChoiceKey]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l[ChoiceKey]);
        // A [BindRequired] choice left out of the post (issue 20 #17): "请选择案件类型。", named by its display name —
        // the framework passes the property's or parameter's code name ("Kind"), which must not reach the page.
        var display = context.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.Name;
        messages.SetMissingBindRequiredValueAccessor(_ => display is null ? l[ChoiceKey] : l["Validation.Choose", l[display]]);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var type = context.Key.ModelType;
        if (context.Key.MetadataKind != ModelMetadataKind.Property || !type.IsValueType || Nullable.GetUnderlyingType(type) is not null) return;
        if (context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any()) return;
        context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = "Validation.Required" });
    }
}
