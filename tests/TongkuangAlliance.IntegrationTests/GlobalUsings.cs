// The namespaces most files of this project use (issue 16: files stop repeating them).
global using System.Globalization;
global using System.Net;
global using Microsoft.EntityFrameworkCore;
global using TongkuangAlliance.Core.Cases;
global using TongkuangAlliance.Core.Common;
global using TongkuangAlliance.IntegrationTests.Infrastructure;
global using TongkuangAlliance.Web.Infrastructure.DemoData;
