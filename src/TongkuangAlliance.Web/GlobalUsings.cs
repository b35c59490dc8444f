// The namespaces most files of this project use (issue 16: files stop repeating them).
global using System.Globalization;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Authorization.Infrastructure;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using TongkuangAlliance.Core.Cases;
global using TongkuangAlliance.Core.Common;
global using TongkuangAlliance.Core.Data;
global using TongkuangAlliance.Core.Identity;
global using TongkuangAlliance.Core.Scoping;
global using TongkuangAlliance.Web.Authorization;
global using TongkuangAlliance.Web.Features.Shared;
global using TongkuangAlliance.Web.Infrastructure.Paging;
