using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CaseCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "CaseParties",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "CaseParties",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "AgreementTerms",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "AgreementTerms",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "RemovedAtUtc",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "AgreementTerms");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "AgreementTerms");
        }
    }
}
