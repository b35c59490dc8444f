using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AddCasePartyBasicInformation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "CaseParties",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Age",
                table: "CaseParties",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentName",
                table: "CaseParties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BirthDate",
                table: "CaseParties",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPerson",
                table: "CaseParties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ethnicity",
                table: "CaseParties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "CaseParties",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "CaseParties",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberProtected",
                table: "CaseParties",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Occupation",
                table: "CaseParties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepresentativeName",
                table: "CaseParties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepresentativeTitle",
                table: "CaseParties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Age",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "AgentName",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "BirthDate",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "ContactPerson",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Ethnicity",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "IdNumberProtected",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Occupation",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "RepresentativeName",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "RepresentativeTitle",
                table: "CaseParties");
        }
    }
}
