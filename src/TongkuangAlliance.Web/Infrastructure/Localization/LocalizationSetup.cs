using Microsoft.AspNetCore.Localization;

namespace TongkuangAlliance.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    /// <summary>
    /// Chinese by default; the language chosen in the navigation bar is kept in the culture cookie, which
    /// is read first. Model-binding messages ("not a number" and the like) come from the resources too.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PortalCultures.Chinese);
            o.SupportedCultures = PortalCultures.Supported;
            o.SupportedUICultures = PortalCultures.Supported;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
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
            m.SetMissingBindRequiredValueAccessor(f => l["Validation.Required", f]);
            m.SetMissingKeyOrValueAccessor(() => l["Validation.NonPropertyUnknownValueInvalid"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.NonPropertyUnknownValueInvalid"]);
            m.SetValueMustBeANumberAccessor(f => l["Validation.MustBeNumber", f]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NonPropertyMustBeNumber"]);
        });
        return services;
    }
}
