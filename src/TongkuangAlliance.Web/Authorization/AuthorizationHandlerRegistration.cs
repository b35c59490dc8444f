namespace TongkuangAlliance.Web.Authorization;

public static class AuthorizationHandlerRegistration
{
    /// <summary>
    /// Registers every resource handler of this assembly: a handler added to Authorization/ is in force without a
    /// second edit elsewhere. Handlers hold no state (they read the user's scope claims and the resource), so one
    /// instance serves every request.
    /// </summary>
    public static IServiceCollection AddPortalAuthorizationHandlers(this IServiceCollection services)
    {
        var handlers = typeof(AuthorizationHandlerRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAuthorizationHandler).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var handler in handlers)
            services.AddSingleton(typeof(IAuthorizationHandler), handler);
        return services;
    }
}
