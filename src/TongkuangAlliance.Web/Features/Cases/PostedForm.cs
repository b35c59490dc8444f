using Microsoft.AspNetCore.Mvc.Rendering;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>What a refused step form had typed, to show again in that form only (the step forms share field names).</summary>
public static class PostedForm
{
    /// <summary>The posted value of <paramref name="name"/> when this request posted the step <paramref name="action"/>; else empty.</summary>
    public static string Value(ViewContext view, string action, string name)
    {
        var request = view.HttpContext.Request;
        return HttpMethods.IsPost(request.Method) && string.Equals(view.RouteData.Values["action"] as string, action, StringComparison.OrdinalIgnoreCase)
               && request.HasFormContentType ? request.Form[name].ToString() : "";
    }
}
