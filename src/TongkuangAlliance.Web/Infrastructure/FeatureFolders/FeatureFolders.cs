using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace TongkuangAlliance.Web.Infrastructure.FeatureFolders;

/// <summary>
/// A controller's feature is the folder its namespace names (<c>TongkuangAlliance.Web.Features.Cases</c> → Cases), so
/// a feature may have several controllers (the case list, intake and steps) that all find their views in
/// Features/Cases/ — the controller's name no longer has to be the folder's.
/// </summary>
public sealed class FeatureConvention : IControllerModelConvention
{
    public const string Key = "feature";
    private const string Marker = ".Features.";

    public void Apply(ControllerModel controller) => controller.Properties[Key] = FeatureOf(controller.ControllerType.Namespace);

    public static string? FeatureOf(string? ns)
    {
        var at = ns?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (ns is null || at < 0) return null;
        var rest = ns[(at + Marker.Length)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }
}

/// <summary>Looks a view up in the controller's feature folder first, then Features/{controller}/ and Features/Shared/.</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var feature) && feature is string name)
            context.Values[FeatureConvention.Key] = name;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (!context.Values.TryGetValue(FeatureConvention.Key, out var feature) || feature is null) return viewLocations;
        return viewLocations.Prepend("/Features/" + feature + "/{0}" + RazorViewEngine.ViewExtension);
    }
}
