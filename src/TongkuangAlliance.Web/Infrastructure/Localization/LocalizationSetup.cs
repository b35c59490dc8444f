using Microsoft.AspNetCore.Localization;

namespace TongkuangAlliance.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    /// <summary>
    /// Chinese by default; the language chosen in the navigation bar (or by <c>?culture=</c>) is kept in the
    /// culture cookie until it is changed. Model-binding messages ("not a number" and the like) come from the resources too.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PortalCultures.Chinese);
            o.SupportedCultures = PortalCultures.Supported;
            o.SupportedUICultures = PortalCultures.Supported;
            // ?culture= first: choosing a language by address wins over the cookie, and is remembered in it.
            o.RequestCultureProviders = [new RememberedQueryStringCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var m = mvc.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.AttemptedValueInvalid", v, f]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
            m.SetUnknownValueIsInvalidAccessor(f => l["Validation.UnknownValueInvalid", f]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.NonPropertyUnknownValueInvalid"]);
            m.SetValueMustNotBeNullAccessor(f => l["Validation.Required", f]);
            m.SetMissingBindRequiredValueAccessor(f => l["Validation.Choose", f]); // [BindRequired] marks choices (enums) a form always sends
            m.SetMissingKeyOrValueAccessor(() => l["Validation.NonPropertyUnknownValueInvalid"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.NonPropertyUnknownValueInvalid"]);
            m.SetValueMustBeANumberAccessor(f => l["Validation.MustBeNumber", f]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NonPropertyMustBeNumber"]);
        });
        // After MVC's own providers, so that these have the last word.
        services.AddOptions<MvcOptions>().PostConfigure<IStringLocalizerFactory>((mvc, factory) =>
            mvc.ModelMetadataDetailsProviders.Add(new LocalizedChoiceMessageProvider(mvc.ModelBindingMessageProvider, factory.Create(typeof(SharedResource)))));
        return services;
    }
}
